/**
 * Simulated A/B cells for the statistics tests: pairs of rounds with the noise a shared CI
 * runner has, fed to the stop rule exactly as `bench ab` feeds it (a look at every planned
 * pair count, a final one at max pairs), so the tests measure the whole sequence's error
 * rates, not one look's.
 *
 * Noise model, per pair: a shared drift (the machine got slower for both rounds), then per
 * round an independent lognormal factor (10–20 % is what this machine shows second to second),
 * and a small order effect (the second round of a pair runs a little slower: caches, thermal),
 * which the ABBA/BAAB order spreads over both sides.
 */
import type { AbRound, AbSide, AbVerdict } from '../../runners/contract/ab.js';
import type { RoundSample } from '../../runners/contract/results.js';
import { decideCell, isLook, plannedLooks, type AbRules } from '../../reports/decide/ab/decide.js';
import { seededRandom } from '../../suites/seeded-random.js';

export interface SideTruth {
  /** B's throughput ÷ A's (0.8: B does 20 % fewer tasks a second). */
  throughput: number;
  /** B's median latency ÷ A's. */
  p50: number;
}

export interface NoiseModel {
  /** σ of log throughput per round (0.15 ≈ ±15 %). */
  round: number;
  /** σ of log latency per round: a median over many samples wobbles less. */
  latency: number;
  /** σ of the log drift shared by both rounds of a pair. */
  drift: number;
  /** The second round of a pair is this share slower. */
  order: number;
}

export const SAME: SideTruth = { throughput: 1, p50: 1 };

export const rulesFor = (maxPairs = 30, threshold = 0.05, alpha = 0.05): AbRules => ({ threshold, alpha, looks: plannedLooks(maxPairs) });

export type Rng = () => number;

export const rng = (seed: number): Rng => seededRandom(seed);

export function gaussian(random: Rng): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A round sample with the two figures the A/B statistics read; the rest is filler. */
export function sample(tasksPerSec: number, p50Ms: number, round = 1): RoundSample {
  return {
    round,
    tasks: 100,
    wallMs: 100_000 / tasksPerSec,
    tasksPerSec,
    latencySamplesMs: [p50Ms * 0.98, p50Ms, p50Ms * 1.03],
    latencyMeanMs: null,
    latencyCount: null,
    loadedLatencySamplesMs: [p50Ms],
    eventLoopDelay: { p50Ms: 0, p99Ms: 0, maxMs: 0, method: 'histogram' },
    startupSamplesMs: [],
    peakRssBytes: 1,
    verifiedOutputs: 100,
    foreignCpuShare: null,
  };
}

/** The two rounds of one pair, in a random order, B's figures moved by `truth`. */
export function simulatePair(random: Rng, pair: number, truth: SideTruth, noise: NoiseModel, position: number): AbRound[] {
  const drift = noise.drift * gaussian(random);
  const order: AbSide[] = random() < 0.5 ? ['a', 'b'] : ['b', 'a'];
  return order.map((side, i) => {
    const slow = drift + (i === 1 ? Math.log(1 + noise.order) : 0);
    const tps = 1000 * (side === 'b' ? truth.throughput : 1) * Math.exp(noise.round * gaussian(random) - slow);
    const p50 = 2 * (side === 'b' ? truth.p50 : 1) * Math.exp(noise.latency * gaussian(random) + slow);
    return { side, pair, position: position + i, sample: sample(tps, p50, pair + 1) };
  });
}

export interface SequenceOutcome {
  verdict: AbVerdict;
  pairs: number;
  rounds: AbRound[];
}

/** One cell of `bench ab` from its first pair to its verdict. */
export function simulateSequence(random: Rng, truth: SideTruth, noise: NoiseModel, rules: AbRules): SequenceOutcome {
  const maxPairs = rules.looks.at(-1) ?? 0;
  const rounds: AbRound[] = [];
  for (let pair = 0; pair < maxPairs; pair++) {
    rounds.push(...simulatePair(random, pair, truth, noise, rounds.length));
    const pairs = pair + 1;
    const final = pairs === maxPairs;
    if (!isLook(pairs, rules) && !final) continue;
    const { verdict } = decideCell(rounds, rules, final);
    if (verdict !== null) return { verdict, pairs, rounds };
  }
  throw new Error('the final look left the cell undecided');
}

/** Verdict counts over `runs` sequences from one seed. */
export function simulateMany(
  seed: number,
  runs: number,
  truth: SideTruth,
  noise: (random: Rng) => NoiseModel,
  rules: AbRules,
): { counts: Record<AbVerdict, number>; pairs: number[] } {
  const random = rng(seed);
  const counts: Record<AbVerdict, number> = { regressed: 0, inconclusive: 0, improved: 0, unchanged: 0 };
  const pairs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const outcome = simulateSequence(random, truth, noise(random), rules);
    counts[outcome.verdict]++;
    pairs.push(outcome.pairs);
  }
  return { counts, pairs };
}

/** Noise of a shared runner: per sequence a round σ drawn from 10–20 %, latency half that, 20 % drift, 2 % order effect. */
export const runnerNoise = (random: Rng): NoiseModel => {
  const round = 0.1 + 0.1 * random();
  return { round, latency: round / 2, drift: 0.2, order: 0.02 };
};
