/**
 * How much false-alarm chance each planned look may have used up, and the bounds that
 * follow: shared by the decisions (decide.ts) and the calibration (calibrate.ts).
 *
 * The budget: a false `regressed` anywhere in the run, on either metric, at any look, has
 * chance ≤ α. Two metrics are judged, and how their errors correlate is unknown, so each gets
 * α / 2 (Bonferroni). Within a metric that α / 2 is spent over the looks by a Pocock-type
 * spending function (Lan & DeMets 1983): by the look at information fraction t (its pairs ÷
 * the last look's pairs) at most (α / 2)·ln(1 + (e − 1)·t) may be spent. Pocock-type rather
 * than O'Brien–Fleming-type because a CI gate is paid in wall time: a clear regression, or
 * two identical sides, should stop at an early look, and O'Brien–Fleming spends next to
 * nothing before the last. The bounds are exact for the sign statistic (sign-bounds.ts), so
 * the looks cost only what they truly add, not a Bonferroni share each.
 */
import { signBounds } from './sign-bounds.js';

export interface LookRules {
  alpha: number;
  looks: readonly number[];
}

/** Metrics that share α (throughput, p50). */
export const METRIC_FAMILY = 2;

export const spending = (t: number): number => Math.log(1 + (Math.E - 1) * Math.min(1, Math.max(0, t)));

/** The one-tail α one metric may have spent by planned look `index` (0-based), cumulatively. */
export function lookBudget(rules: LookRules, index: number): number {
  const last = rules.looks.at(-1) ?? 1;
  const size = rules.looks[Math.min(index, rules.looks.length - 1)] ?? last;
  return (rules.alpha / METRIC_FAMILY) * spending(size / last);
}

/** The order-statistic index k of every planned look, when every pair of every look was usable. */
export function plannedBounds(rules: LookRules): number[] {
  return signBounds(
    rules.looks,
    rules.looks.map((_, index) => lookBudget(rules, index)),
  );
}
