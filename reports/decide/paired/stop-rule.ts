/**
 * When a sequential `bench run` stops adding blocks: when every point it answers is settled
 * (group-verdict.ts: each strategy behind the winner or equivalent to it, by paired intervals
 * whose false-alarm budget is spent across the looks, paired-ratio.ts) — or when a limit ends it
 * first, and the answer says `undecided` with what it would take.
 */
import type { CellResult, CompletedCell, RunConfig } from '../../../runners/contract/results.js';
import { answerPoints } from '../answer/point-answer.js';
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
