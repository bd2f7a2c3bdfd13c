/**
 * Progress on stderr: one self-rewriting line on a terminal; plain lines, one per
 * finished cell, when stderr is not a TTY or under CI (logs stay readable).
 */
import type { PlannedRound } from './plan.js';
import type { RoundOutcome } from './spawn-cell.js';

export interface Progress {
  started(index: number, planned: PlannedRound): void;
  finished(index: number, planned: PlannedRound, outcome: RoundOutcome, elapsedMs: number): void;
  done(): void;
}

// Node, the default host, goes unnamed; with --runtime bun,deno the lines must tell the runtimes apart.
const label = (p: PlannedRound): string =>
  `${p.key.suite}(${p.key.size}) × ${p.key.strategy}${p.key.runtime === 'node' ? '' : ` on ${p.key.runtime}`} round ${p.round}`;

function formatEta(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  const interactive = stream.isTTY === true && !process.env['CI'];
  const startedAt = performance.now();
  const eta = (doneCount: number): string => {
    if (doneCount === 0) return 'ETA …';
    const perCell = (performance.now() - startedAt) / doneCount;
    return `ETA ${formatEta(perCell * (total - doneCount))}`;
  };
  if (quiet) return { started() {}, finished() {}, done() {} };
  if (interactive) {
    return {
      started(index, planned) {
        stream.write(`\r\x1b[2K[${index + 1}/${total}] ${label(planned)} · ${total - index} left · ${eta(index)}`);
      },
      finished(_index, planned, outcome) {
        if (!outcome.ok) stream.write(`\r\x1b[2K✗ ${label(planned)}: ${outcome.error}\n`);
      },
      done() { stream.write('\r\x1b[2K'); },
    };
  }
  return {
    started() {},
    finished(index, planned, outcome, elapsedMs) {
      const result = outcome.ok ? `${outcome.sample.tasksPerSec.toFixed(1)} tasks/s` : `errored: ${outcome.error}`;
      stream.write(`[${index + 1}/${total}] ${label(planned)}: ${result} (${(elapsedMs / 1000).toFixed(1)}s, ${eta(index + 1)})\n`);
    },
    done() {},
  };
}
