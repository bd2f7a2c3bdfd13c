/**
 * The stop rule of `bench ab`: after each planned look at the pairs so far, per metric, is B
 * regressed, improved, unchanged, or not yet clear?
 *
 * Per metric the figure is the median of the pairs' B ÷ A ratios, with the distribution-free
 * interval between two order statistics of the log ratios (sign-bounds.ts): no assumption
 * about the shape of the noise, nothing random, so anyone can recompute a verdict from the
 * rounds in the results file. The three-way call is Chromium Pinpoint's: `regressed` /
 * `improved` when the interval lies wholly beyond the threshold in the bad / good direction,
 * `unchanged` when it lies wholly within ±threshold, otherwise sample more, and
 * `inconclusive` once no more pairs will come.
 *
 * The decision is replayed from the rounds alone: every planned look up to the pairs present
 * is taken in order on the first pairs of that look, and a metric that decided at a look
 * keeps that decision (a sequential test that "undecides" would not keep its α).
 */
import type { AbDecision, AbMetric, AbRound, AbVerdict } from '../../../runners/contract/ab.js';
import { quantile } from '../../../runners/common/stats.js';
import { lookBudget, METRIC_FAMILY, plannedBounds } from './look-bounds.js';
import { AB_METRICS, metricRatios, pairRounds, WORSE_WHEN } from './pairs.js';
import { pointwiseConfidence, signBounds } from './sign-bounds.js';

export { calibrate } from './calibrate.js';

export interface AbRules {
  /** A side is judged changed only beyond ± this share (0.05 is 5 %). */
  threshold: number;
  /** Chance of a false `regressed` over the whole run, all looks and both metrics together. */
  alpha: number;
  /** The pair counts at which the rule looks, increasing. */
  looks: number[];
}

/** Below this many pairs no sign interval can be narrow at a gate's confidence: no look is planned there. */
const FIRST_LOOK = 8;
/** Looks at least this many pairs apart: a look costs α, and 1–2 new pairs rarely change the answer. */
const MIN_STEP = 4;

/**
 * Looks growing by about a quarter each (8, 12, 16, 20, 25, 30 for 30 pairs), the last at
 * `maxPairs`. Eight pairs is the first: with α = 0.05 over two metrics a sign interval
 * needs 2⁻ⁿ below the look's share of α before it has any finite bound at all.
 */
export function plannedLooks(maxPairs: number): number[] {
  const last = Math.max(1, Math.floor(maxPairs));
  const looks: number[] = [];
  for (let n = FIRST_LOOK; n <= last - MIN_STEP; n = Math.max(n + MIN_STEP, Math.round(n * 1.25))) looks.push(n);
  looks.push(last);
  return looks;
}

export function isLook(pairs: number, rules: AbRules): boolean {
  return rules.looks.includes(pairs);
}

const percent = (share: number): string => `${Math.round(share * 1000) / 10} %`;

export function correctionText(rules: AbRules): string {
  const bounds = plannedBounds(rules);
  const last = rules.looks.length - 1;
  const final = bounds[last] ?? 0;
  const finalText =
    final > 0
      ? `the last look at ${rules.looks[last]} pairs uses order statistics ${final} and ${(rules.looks[last] ?? 0) - final + 1} ` +
        `(${percent(pointwiseConfidence(rules.looks[last] ?? 0, final))} alone)`
      : `too few pairs for any interval at this α: raise --max-rounds`;
  return (
    `a false "regressed" keeps chance ≤ ${rules.alpha} over the whole run: α/${METRIC_FAMILY} per metric (throughput, p50; Bonferroni), ` +
    `each spent over ${rules.looks.length} planned look${rules.looks.length === 1 ? '' : 's'} at ${rules.looks.join(', ')} pairs ` +
    `by a Pocock-type α-spending function with exact sign-test bounds on the median ratio; ${finalText}`
  );
}

interface MetricTrack {
  /** Usable ratios at each look taken so far, and the α each could spend. */
  sizes: number[];
  budgets: number[];
  decision: AbDecision | null;
}

function judge(
  metric: AbMetric,
  ratios: readonly number[],
  track: MetricTrack,
  threshold: number,
  look: number,
  endHere: boolean,
): AbDecision {
  const logs = ratios.map(Math.log).sort((x, y) => x - y);
  const n = logs.length;
  const k = signBounds(track.sizes, track.budgets).at(-1) ?? 0;
  const interval: [number, number] | null = k > 0 ? [Math.exp(logs[k - 1]!), Math.exp(logs[n - k]!)] : null;
  let verdict: AbVerdict | null = endHere ? 'inconclusive' : null;
  if (interval) {
    const [low, high] = interval;
    const above = low > 1 + threshold;
    const below = high < 1 - threshold;
    if (above || below) verdict = above === (WORSE_WHEN[metric] === 'higher') ? 'regressed' : 'improved';
    else if (low >= 1 - threshold && high <= 1 + threshold) verdict = 'unchanged';
  }
  return {
    verdict,
    pairs: n,
    medianRatio: Math.exp(quantile(logs, 0.5)),
    interval,
    confidence: pointwiseConfidence(n, k),
    look,
  };
}

/** One look for every metric not yet decided; `open`: a provisional figure between looks, never a verdict. */
function takeLook(
  tracks: Record<AbMetric, MetricTrack>,
  pairs: ReturnType<typeof pairRounds>,
  rules: AbRules,
  index: number,
  endHere: boolean,
  open: boolean,
): void {
  for (const metric of AB_METRICS) {
    const track = tracks[metric];
    if (track.decision?.verdict) continue;
    const ratios = metricRatios(pairs, metric);
    if (ratios.length === 0) continue;
    // A look that brought no usable ratio for this metric is no new look for it.
    const fresh = ratios.length > (track.sizes.at(-1) ?? 0);
    if (!fresh && !endHere && !open) continue;
    if (fresh) {
      track.sizes.push(ratios.length);
      track.budgets.push(lookBudget(rules, index));
    }
    const decision = judge(metric, ratios, track, rules.threshold, index + 1, endHere);
    if (open) {
      if (fresh) {
        track.sizes.pop();
        track.budgets.pop();
      }
      decision.verdict = null;
    }
    track.decision = decision;
  }
}

const RANK: Record<AbVerdict, number> = { unchanged: 0, improved: 1, inconclusive: 2, regressed: 3 };

/** final: no more pairs will come (max pairs or max time reached): an undecided metric becomes 'inconclusive'. */
export function decideCell(
  rounds: readonly AbRound[],
  rules: AbRules,
  final: boolean,
): { decisions: Record<AbMetric, AbDecision | null>; verdict: AbVerdict | null } {
  const pairs = pairRounds(rounds);
  const n = pairs.length;
  const lastSize = rules.looks.at(-1) ?? 0;
  const newTrack = (): MetricTrack => ({ sizes: [], budgets: [], decision: null });
  const tracks: Record<AbMetric, MetricTrack> = { throughput: newTrack(), p50: newTrack() };
  const regressed = (): boolean => AB_METRICS.some((m) => tracks[m].decision?.verdict === 'regressed');
  // Past the last planned look the α is spent: the pairs beyond it cannot change the answer.
  const atEnd = final || n >= lastSize;
  let ended = false;
  for (const [index, size] of rules.looks.entries()) {
    if (size > n) break;
    const endHere = size === lastSize || (final && size === n);
    takeLook(tracks, pairs.slice(0, size), rules, index, endHere, false);
    ended = endHere;
    // Regressed is the worst a cell can be: nothing later can change its verdict.
    if (ended || regressed()) break;
  }
  if (!ended && !regressed() && n > 0) {
    // Between planned looks: a final look (time ran out) spends what the next planned look
    // would have; otherwise the figures so far are shown and nothing is decided.
    const next = rules.looks.findIndex((size) => size > n);
    takeLook(tracks, pairs, rules, next < 0 ? rules.looks.length - 1 : next, atEnd, !atEnd);
  }
  const decisions = Object.fromEntries(AB_METRICS.map((m) => [m, tracks[m].decision])) as Record<AbMetric, AbDecision | null>;
  const verdicts = AB_METRICS.flatMap((m) => (decisions[m] ? [decisions[m].verdict] : []));
  let verdict: AbVerdict | null;
  if (verdicts.includes('regressed')) verdict = 'regressed';
  else if (verdicts.length === 0) verdict = atEnd ? 'inconclusive' : null;
  else if (verdicts.includes(null)) verdict = null;
  else verdict = (verdicts as AbVerdict[]).reduce((worst, v) => (RANK[v] > RANK[worst] ? v : worst));
  return { decisions, verdict };
}
