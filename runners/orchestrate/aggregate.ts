/**
 * Rounds → one CellResult. Every aggregate figure comes from batchFigures (and the phases'
 * from phaseFigures), so each number in a table or chart can be recomputed from the `rounds`
 * stored beside it, and the loader does (reports/aggregates-agree.ts).
 */
import type { RoundOutcome } from './spawn-cell.js';
import type { BatchCellKey, CellResult, DisturbedRound, RoundSample } from '../contract/results.js';
import { batchFigures } from '../common/batch-figures.js';
import { phaseFigures } from './aggregate-phases.js';
import { NOT_RUN } from './not-run.js';

export interface RoundRecord {
  round: number;
  outcome: RoundOutcome;
  /** Why the round was set aside and measured again (redo-disturbed.ts); absent: it counts. */
  disturbed?: string;
}

/** `skipReason`: why the cell was never run (its runtime is missing or cannot run the strategy). */
export function aggregateCell(key: BatchCellKey, records: RoundRecord[], skipReason?: string): CellResult {
  if (skipReason !== undefined) return { ...key, status: 'skipped', verified: false, reason: skipReason };
  const rounds: RoundSample[] = records.flatMap((r) => (r.outcome.ok && r.disturbed === undefined ? [r.outcome.sample] : []));
  const disturbed: DisturbedRound[] = records.flatMap((r) =>
    r.outcome.ok && r.disturbed !== undefined ? [{ ...r.outcome.sample, disturbed: r.disturbed }] : [],
  );
  const disturbedRounds = disturbed.length > 0 ? { disturbedRounds: disturbed } : {};
  const failure = records.find((r) => !r.outcome.ok);
  if (failure && !failure.outcome.ok) {
    return {
      ...key,
      status: 'errored',
      verified: false,
      error: { message: failure.outcome.error, round: failure.round },
      rounds,
      ...disturbedRounds,
    };
  }
  if (rounds.length === 0) {
    return { ...key, status: 'skipped', verified: false, reason: NOT_RUN };
  }
  return {
    ...key,
    status: 'completed',
    verified: true,
    ...batchFigures(rounds),
    ...phaseFigures(rounds),
    rounds,
    ...disturbedRounds,
  };
}
