/**
 * When a sequential run stops adding blocks: when every answer it gives is settled — or when
 * a limit ends it first, and the answer says `undecided` with what it would take. Every look
 * spends part of the false-alarm budget (paired-ratio.ts), so looking again costs only what it adds.
 *
 * `bench run` and a workers study answer per point: each strategy's speedup over main-thread
 * faster, slower or equivalent (group-verdict.ts). A size study answers where each strategy
 * starts to pay: settled when the crossover is bracketed, the ratio's interval below 1 at the
 * size before it and above 1 at the size after (or, with no crossing, clear of 1 at the end that
 * says so).
 */
import type { CellResult, CompletedCell, RunConfig, RunResult } from '../../../runners/contract/results.js';
import type { Crossover, RatioPoint } from '../../../runners/contract/study.js';
import { answerPoints } from '../answer/point-answer.js';
import { crossoversOf, type StudySweep } from '../study/analyse.js';
import { groupVerdict, lookPlanOf } from './group-verdict.js';

/** How many of the run's points are not settled yet (0: stop). A point with one strategy is settled. */
export function unsettledPoints(cells: readonly CellResult[], config: Pick<RunConfig, 'rounds' | 'maxRounds'>): number {
  const completed = cells.filter((c): c is CompletedCell => c.status === 'completed' && c.scenario === 'batch');
  const plan = lookPlanOf(config);
  return answerPoints(completed).filter((point) => {
    const verdict = groupVerdict(point, plan);
    return verdict !== undefined && !verdict.settled;
  }).length;
}

const below = (point: RatioPoint | undefined): boolean => point?.high !== null && point?.high !== undefined && point.high < 1;
const above = (point: RatioPoint | undefined): boolean => point !== undefined && point.low > 1;

/** Whether a crossover's answer is bracketed by intervals clear of 1 on the sides that make it. */
export function crossoverSettled(crossover: Crossover): boolean {
  const points = [...crossover.ratios].sort((a, b) => a.size - b.size);
  switch (crossover.status) {
    case 'always-faster':
      return above(points[0]);
    case 'never-faster':
      return below(points.at(-1));
    case 'crossed': {
      const at = crossover.size ?? 0;
      return below(points.filter((p) => p.size < at).at(-1)) && above(points.find((p) => p.size > at));
    }
    case 'ambiguous':
      return false;
    default:
      // Nothing completed to compare: more blocks of an errored cell settle nothing.
      return true;
  }
}

/** A size study's unsettled answers: the strategies whose crossover is not bracketed yet. */
export function unbracketedCrossovers(sofar: RunResult, sweep: StudySweep): number {
  return crossoversOf(sofar, sweep).filter((crossover) => !crossoverSettled(crossover)).length;
}
