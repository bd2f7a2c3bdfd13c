/**
 * Progress of a study on stderr, with an ETA that stays honest when rounds differ by
 * orders of magnitude: what is left is the sum of the remaining rounds' estimates, scaled
 * by how long the finished rounds took against their own estimates. The same output
 * shapes as progress.ts: one self-rewriting line on a terminal, one line per finished
 * round otherwise (CI logs).
 */
import type { PlannedRound } from '../plan.js';
import type { Progress } from '../progress.js';
import type { RoundOutcome } from '../spawn-cell.js';
import { formatDuration } from './estimate.js';
import { transportNote } from '../progress.js';

const label = (p: PlannedRound): string =>
  `${p.key.suite}(${p.key.size}) × ${p.key.strategy}${transportNote(p.key)}${p.key.workers > 1 ? ` ×${p.key.workers}` : ''}${p.key.runtime === 'node' ? '' : ` on ${p.key.runtime}`} round ${p.round}`;

/**
 * `runnable`: the rounds the run will execute, in order, each with its estimate (ms).
 * The run loop indexes its rounds the same way, so `index` finds the estimate.
 */
/** Where progress goes: stderr, or anything that takes text (a test's capture). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export function createStudyProgress(runnable: readonly number[], stream: ProgressStream = process.stderr): Progress {
  const interactive = stream.isTTY === true && !process.env['CI'];
  const total = runnable.length;
  const after = runnable.map((_, i) => runnable.slice(i).reduce((sum, ms) => sum + ms, 0));
  let estimatedDone = 0;
  let actualDone = 0;
  const eta = (nextIndex: number): string => {
    const left = after[nextIndex] ?? 0;
    // Until a few rounds are in, the ratio is one round's luck: lean on the estimate.
    const weight = Math.min(1, (4 * estimatedDone) / Math.max(1, estimatedDone + left));
    const ratio = estimatedDone > 0 ? 1 + weight * (actualDone / estimatedDone - 1) : 1;
    return `ETA ${formatDuration(left * ratio)}`;
  };
  return {
    started(index, planned) {
      if (interactive) stream.write(`\r\x1b[2K[${index + 1}/${total}] ${label(planned)} · ${eta(index)}`);
    },
    finished(index, planned, outcome: RoundOutcome, elapsedMs) {
      estimatedDone += runnable[index] ?? 0;
      actualDone += elapsedMs;
      if (interactive) {
        if (!outcome.ok) stream.write(`\r\x1b[2K✗ ${label(planned)}: ${outcome.error}\n`);
        return;
      }
      const result = outcome.ok ? `${outcome.sample.tasksPerSec.toFixed(1)} tasks/s` : `errored: ${outcome.error}`;
      stream.write(`[${index + 1}/${total}] ${label(planned)}: ${result} (${(elapsedMs / 1000).toFixed(1)}s, ${eta(index + 1)})\n`);
    },
    done() {
      if (interactive) stream.write('\r\x1b[2K');
    },
  };
}
