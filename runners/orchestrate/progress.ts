/**
 * Progress on stderr: one self-rewriting line on a terminal; plain lines, one per
 * finished cell, when stderr is not a TTY or under CI (logs stay readable).
 */
import type { PlannedRound } from './plan.js';
import type { RoundOutcome } from './spawn-cell.js';
import { formatDuration } from '../common/format-duration.js';
import { terminalSafe } from '../common/terminal-safe.js';
import { defaultTransportOf } from '../contract/strategies.js';
import { RoundEta } from './round-eta.js';
import type { CellKey } from '../contract/results.js';
import type { RoundEstimate } from './study/estimate.js';

export interface Progress {
  started(index: number, planned: PlannedRound): void;
  finished(index: number, planned: PlannedRound, outcome: RoundOutcome, elapsedMs: number): void;
  /** The run added rounds: a disturbed one to measure again (`redo`; `why` says so), or a block. */
  added(rounds: readonly PlannedRound[], why: string, redo?: boolean): void;
  done(): void;
}

/** " via clone" for a transport other than the strategy's default, which goes unnamed as before. */
export const transportNote = (key: CellKey): string =>
  key.transport === undefined || key.transport === defaultTransportOf(key.strategy) ? '' : ` via ${key.transport}`;

// Node, the default host, goes unnamed; with --runtime bun,deno the lines must tell the runtimes apart.
const label = (p: PlannedRound): string =>
  terminalSafe(
    `${p.key.suite}(${p.key.size}) × ${p.key.strategy}${transportNote(p.key)}${p.key.runtime === 'node' ? '' : ` on ${p.key.runtime}`} round ${p.round}`,
  );
// An error's text comes from the suite: one line, control characters made inert.
const errorText = (error: string): string => terminalSafe(error.replace(/\r?\n/g, ' '));

export interface ProgressOptions {
  /** Default: stderr. */
  stream?: NodeJS.WriteStream;
  /** Print nothing (the API's default). */
  quiet?: boolean;
  /** What a round of each cell should take (study/estimate.ts): the ETA's guess for a cell not yet timed. */
  estimateOf?: RoundEstimate | undefined;
}

export function createProgress(planned: readonly PlannedRound[], options: ProgressOptions = {}): Progress {
  const { stream = process.stderr, quiet = false, estimateOf } = options;
  let total = planned.length;
  const interactive = stream.isTTY === true && !process.env['CI'];
  const clock = new RoundEta(planned, estimateOf);
  const eta = (): string => {
    const left = clock.estimate();
    if (left === undefined) return 'ETA …';
    // "~": some strategy still to come has not run a round yet, so its rounds are a guess.
    return `ETA ${left.rough ? '~' : ''}${formatDuration(left.ms, { units: 'min' })}`;
  };
  if (quiet) return { started() {}, finished() {}, added() {}, done() {} };
  const added = (rounds: readonly PlannedRound[], why: string, redo = false): void => {
    total += rounds.length;
    clock.add(rounds, redo);
    stream.write(`${interactive ? '\r\x1b[2K' : ''}${terminalSafe(why)}\n`);
  };
  if (interactive) {
    return {
      started(index, planned) {
        stream.write(`\r\x1b[2K[${index + 1}/${total}] ${label(planned)} · ${total - index} left · ${eta()}`);
      },
      finished(_index, planned, outcome, elapsedMs) {
        clock.finished(planned, elapsedMs);
        if (!outcome.ok) stream.write(`\r\x1b[2K✗ ${label(planned)}: ${errorText(outcome.error)}\n`);
      },
      added,
      done() {
        stream.write('\r\x1b[2K');
      },
    };
  }
  return {
    started() {},
    finished(index, planned, outcome, elapsedMs) {
      clock.finished(planned, elapsedMs);
      const result = outcome.ok ? `${outcome.sample.tasksPerSec.toFixed(1)} tasks/s` : `errored: ${errorText(outcome.error)}`;
      stream.write(`[${index + 1}/${total}] ${label(planned)}: ${result} (${formatDuration(elapsedMs, { units: 's' })}, ${eta()})\n`);
    },
    added,
    done() {},
  };
}
