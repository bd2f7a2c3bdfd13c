/**
 * The ratio of two strategies measured in the same blocks (runners/orchestrate/plan.ts): per
 * block, one's tasks/s ÷ the other's, from the two rounds that shared that minute of the
 * machine; the figure is their median, the interval the distribution-free one of the A/B gate
 * (ab/sign-bounds.ts) — two order statistics of the ratios, whose coverage depends on the count
 * alone, whatever the noise looks like. A busy minute slows both rounds of its block alike, so
 * the ratio holds where two independent intervals would each widen and overlap.
 *
 * A run may add blocks until its answer is settled (runners/orchestrate/sequential-run.ts):
 * every look at the blocks so far spends part of the false-alarm budget, and the bounds are
 * exact across looks (signBounds), so looking again costs only what it adds.
 */
import type { CompletedCell } from '../../../runners/contract/results.js';
import { quantile } from '../../../runners/common/stats.js';
import { pointwiseConfidence, signBounds } from '../ab/sign-bounds.js';

/** Two-sided: the chance that a paired interval misses its true median ratio, every look included. */
export const PAIRED_ALPHA = 0.05;
/**
 * The share of the budget the first look (the blocks every run makes) may spend. Most of it:
 * an answer is usually settled there, and six blocks need 1/64 per tail for any interval at all.
 */
const FIRST_LOOK_SHARE = 0.7;
/** Looks after the first come every this many blocks: a look costs α, one more block rarely settles much. */
const LOOK_STEP = 2;

export interface PairedRatio {
  /** Blocks where both were measured. */
  blocks: number;
  /** Median of the per-block ratios. */
  median: number;
  /** The paired interval of the median ratio; null with too few blocks for one at this α. */
  interval: [number, number] | null;
  /** The coverage of the interval alone (at its look, before the correction for looking more than once). */
  confidence: number;
}

/** Per block both were measured in (matched by round number), a's tasks/s ÷ b's; in block order. */
export function blockRatios(a: CompletedCell, b: CompletedCell): number[] {
  const byRound = new Map(b.rounds.map((round) => [round.round, round.tasksPerSec]));
  return a.rounds
    .filter((round) => (byRound.get(round.round) ?? 0) > 0)
    .sort((x, y) => x.round - y.round)
    .map((round) => round.tasksPerSec / byRound.get(round.round)!);
}

/**
 * The block counts at which a run looks: the first at `firstLook` (the blocks it always makes),
 * then every LOOK_STEP up to `maxBlocks`, and at `blocks` when a run stopped between two (time ran out).
 */
export function lookSizes(firstLook: number, maxBlocks: number, blocks: number): number[] {
  const sizes: number[] = [];
  for (let n = firstLook; n < blocks; n += LOOK_STEP) sizes.push(n);
  sizes.push(blocks);
  return sizes.filter((n) => n <= Math.max(blocks, maxBlocks) && n > 0);
}

/** The one-tail α spent by a look at `size` blocks, cumulatively: most at the first look, the rest by information. */
export function lookBudget(size: number, firstLook: number, maxBlocks: number): number {
  const tail = PAIRED_ALPHA / 2;
  if (maxBlocks <= firstLook) return tail;
  const progress = Math.min(1, Math.max(0, (size - firstLook) / (maxBlocks - firstLook)));
  return tail * (FIRST_LOOK_SHARE + (1 - FIRST_LOOK_SHARE) * progress);
}

export interface LookPlan {
  /** The blocks every run makes (its --rounds): the first look. */
  firstLook: number;
  /** The most blocks it may make (--max-rounds). */
  maxBlocks: number;
}

/** a ÷ b over their shared blocks, with the interval the looks so far allow. */
export function pairedRatio(a: CompletedCell, b: CompletedCell, plan: LookPlan): PairedRatio | undefined {
  const logs = blockRatios(a, b)
    .map(Math.log)
    .sort((x, y) => x - y);
  const n = logs.length;
  if (n === 0) return undefined;
  const sizes = lookSizes(Math.min(plan.firstLook, n), plan.maxBlocks, n);
  const k = signBounds(
    sizes,
    sizes.map((size) => lookBudget(size, plan.firstLook, plan.maxBlocks)),
  ).at(-1)!;
  return {
    blocks: n,
    median: Math.exp(quantile(logs, 0.5)),
    interval: k > 0 ? [Math.exp(logs[k - 1]!), Math.exp(logs[n - k]!)] : null,
    confidence: pointwiseConfidence(n, k),
  };
}
