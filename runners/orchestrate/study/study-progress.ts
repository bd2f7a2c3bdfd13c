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
  // A redone round joins the list with the mean estimate: which round comes back is not known ahead.
  const estimates = [...runnable];
  const mean = estimates.reduce((sum, ms) => sum + ms, 0) / Math.max(1, estimates.length);
  let estimatedDone = 0;
  let actualDone = 0;
  const eta = (nextIndex: number): string => {
    const left = estimates.slice(nextIndex).reduce((sum, ms) => sum + ms, 0);
    // Until a few rounds are in, the ratio is one round's luck: lean on the estimate.
    const weight = Math.min(1, (4 * estimatedDone) / Math.max(1, estimatedDone + left));
    const ratio = estimatedDone > 0 ? 1 + weight * (actualDone / estimatedDone - 1) : 1;
    return `ETA ${formatDuration(left * ratio)}`;
  };
  return {
    started(index, planned) {
      if (interactive) stream.write(`\r\x1b[2K[${index + 1}/${estimates.length}] ${label(planned)} · ${eta(index)}`);
    },
    finished(index, planned, outcome: RoundOutcome, elapsedMs) {
      estimatedDone += estimates[index] ?? 0;
      actualDone += elapsedMs;
      if (interactive) {
        if (!outcome.ok) stream.write(`\r\x1b[2K✗ ${label(planned)}: ${outcome.error}\n`);
        return;
      }
      const result = outcome.ok ? `${outcome.sample.tasksPerSec.toFixed(1)} tasks/s` : `errored: ${outcome.error}`;
      stream.write(
        `[${index + 1}/${estimates.length}] ${label(planned)}: ${result} (${(elapsedMs / 1000).toFixed(1)}s, ${eta(index + 1)})\n`,
      );
    },
    added(rounds, why) {
      for (let i = 0; i < rounds.length; i++) estimates.push(mean);
      stream.write(`${interactive ? '\r\x1b[2K' : ''}${why}\n`);
    },
    done() {
      if (interactive) stream.write('\r\x1b[2K');
    },
  };
}
