/**
 * The verdict on one metric of one cell, from its per-round values in two runs.
 *
 * A change counts only when it is BOTH larger than the threshold (the change of the
 * medians) AND significant (two-sided Mann–Whitney U over the rounds, p < α). Either alone
 * is not enough: a significant 2 % shift is real but below what anyone asked to hear
 * about, and a 15 % shift whose rounds overlap is what a noisy runner produces by chance.
 * Requiring both is what keeps A/A compares free of false alarms without blunting the
 * threshold (test/compare-aa-simulated-false-alarms.test.ts: 7 of 500 seeded A/A compares).
 *
 * Rounds, not pooled samples: each round is a fresh process, so the rounds are the
 * independent replicates; the thousands of latency samples inside one process share its
 * JIT, heap and scheduling luck, and pooling them would make any two runs "significant".
 */
import { median, relativeSpread } from '../../../runners/common/stats.js';
import { EXACT_LIMIT, mannWhitneyU, smallestPValue } from './mann-whitney.js';
import { TAIL_SAMPLES } from './round-figures.js';

/**
 * `untested`: the figure is shown but cannot be judged (a p99 resting on one or two
 * samples a round); unlike `inconclusive` it does not make its cell unsure, or every cell
 * of short phases would be, and --strict would fail every run.
 */
export type MetricVerdict = 'regressed' | 'improved' | 'unchanged' | 'inconclusive' | 'untested';

export interface MetricSpec {
  /** Absolute figures, or their `--normalize` forms (÷ main-thread's figure of the same round). */
  name: 'throughput' | 'p50' | 'p99' | 'speedup' | 'p50 ratio' | 'p99 ratio';
  unit: 'tasks/s' | 'ms' | '×';
  better: 'higher' | 'lower';
}

export interface CompareSettings {
  /** Smallest relative change that matters: 0.1 = 10 %. */
  threshold: number;
  /** Significance level of the Mann–Whitney test. */
  alpha: number;
}

export const DEFAULT_SETTINGS: CompareSettings = { threshold: 0.1, alpha: 0.05 };

export interface MetricComparison extends MetricSpec {
  /** Medians over rounds. */
  old: number;
  new: number;
  /** new / old − 1: −0.2 is 20 % lower, whichever direction is better. */
  change: number;
  /** Two-sided Mann–Whitney p-value; null when the test could not be run. */
  pValue: number | null;
  rounds: { old: number; new: number };
  verdict: MetricVerdict;
  /** Why, for inconclusive and untested verdicts. */
  reason?: string;
}

const percent = (fraction: number): string => `${Math.round(fraction * 1000) / 10} %`;
const signedPercent = (fraction: number): string => `${fraction > 0 ? '+' : fraction < 0 ? '−' : ''}${percent(Math.abs(fraction))}`;

/** One sentence for the output: a reader must be able to tell what "significant" meant. */
export function describeMethod(settings: CompareSettings): string {
  return (
    `a change counts when the median over rounds moved by more than ${percent(settings.threshold)} ` +
    `AND a two-sided Mann–Whitney U test over the per-round figures gives p < ${settings.alpha} ` +
    `(exact permutation p-value up to ${EXACT_LIMIT} rounds in all, normal approximation beyond); ` +
    "throughput = saturated tasks/s of each round; p50 / p99 = median / 99th percentile of each round's unloaded latency samples, " +
    `tested only when every round has at least ${Math.round(TAIL_SAMPLES / 0.5)} / ${Math.round(TAIL_SAMPLES / 0.01)} of them`
  );
}

/** `unusable`: a reason, found by the caller, why these values cannot be tested (the figures are still shown, untested). */
export function compareMetric(
  spec: MetricSpec,
  oldValues: readonly number[],
  newValues: readonly number[],
  settings: CompareSettings,
  unusable?: string,
): MetricComparison {
  const oldMedian = median(oldValues);
  const newMedian = median(newValues);
  const base = {
    ...spec,
    old: oldMedian,
    new: newMedian,
    change: oldMedian > 0 ? newMedian / oldMedian - 1 : Number.NaN,
    rounds: { old: oldValues.length, new: newValues.length },
  };
  const inconclusive = (pValue: number | null, reason: string): MetricComparison => ({ ...base, pValue, verdict: 'inconclusive', reason });

  if (oldValues.length === 0 || newValues.length === 0) return inconclusive(null, 'no completed rounds to compare');
  if (unusable !== undefined) return { ...base, pValue: null, verdict: 'untested', reason: unusable };
  if (!(oldMedian > 0)) return inconclusive(null, `the baseline ${spec.name} is ${oldMedian}: no relative change can be computed`);
  // With too few rounds even complete separation is not significant: say so instead of
  // calling every cell "unchanged" or "noisy".
  const floor = smallestPValue(oldValues.length, newValues.length);
  if (floor >= settings.alpha) {
    return inconclusive(
      null,
      `too few rounds (${oldValues.length} vs ${newValues.length}): the smallest p-value they allow is ` +
        `${floor.toFixed(3)}, not below α ${settings.alpha}; use --rounds 5 or more`,
    );
  }
  const { pValue } = mannWhitneyU(oldValues, newValues);
  if (Math.abs(base.change) <= settings.threshold) return { ...base, pValue, verdict: 'unchanged' };
  if (pValue >= settings.alpha) {
    const spreads = `${percent(relativeSpread(oldValues))} / ${percent(relativeSpread(newValues))}`;
    return inconclusive(
      pValue,
      `${signedPercent(base.change)} is beyond the ${percent(settings.threshold)} threshold but p = ` +
        `${pValue.toFixed(3)} ≥ α ${settings.alpha}: the rounds are too noisy to tell (spread ${spreads}); raise --rounds or --phase-time`,
    );
  }
  const worse = spec.better === 'higher' ? base.change < 0 : base.change > 0;
  return { ...base, pValue, verdict: worse ? 'regressed' : 'improved' };
}
