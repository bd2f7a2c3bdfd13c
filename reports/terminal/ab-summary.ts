/**
 * `bench ab --json`: the study without its rounds. The rounds (each with up to 2,000 latency
 * samples) stay in the results file; a CI step that reads stdout wants the verdicts, the
 * figures they rest on and how they were reached.
 */
import type { AbCell, AbStudy, AbVerdict } from '../../runners/contract/ab.js';
import { countAbVerdicts } from '../format/ab-text.js';

export interface AbSummaryCell extends Omit<AbCell, 'rounds'> {
  /** Complete pairs (an A and a B round with the same index). */
  pairs: number;
}

export interface AbSummary
  extends Pick<
    AbStudy,
    'sides' | 'threshold' | 'alpha' | 'maxPairs' | 'maxTimeMs' | 'looks' | 'correction' | 'seed' | 'aa' | 'calibration'
  > {
  /** True when a cell regressed: what the exit code 1 says. */
  regressed: boolean;
  counts: Record<AbVerdict, number>;
  cells: AbSummaryCell[];
}

function completePairs(cell: AbCell): number {
  const a = new Set(cell.rounds.filter((r) => r.side === 'a').map((r) => r.pair));
  return new Set(cell.rounds.filter((r) => r.side === 'b' && a.has(r.pair)).map((r) => r.pair)).size;
}

export function summarizeAb(study: AbStudy): AbSummary {
  const counts = countAbVerdicts(study.cells);
  const { cells, ...settings } = study;
  return {
    regressed: counts.regressed > 0,
    counts,
    ...settings,
    cells: cells.map((cell) => {
      const { rounds: _rounds, ...rest } = cell;
      return { ...rest, pairs: completePairs(cell) };
    }),
  };
}
