/**
 * Simulated `bench compare`s for the false-alarm tests: two runs of five rounds each, made
 * side by side (whatever slows the machine hits both alike), whose rounds wobble
 * independently as this runner's do (±10–20 % throughput second to second, a few percent on a
 * per-round median latency). Seeded, so each test's count is exact.
 *
 * What this does not model, on purpose: drift that hits one run only (another job starting
 * between two time-separated runs). No statistic over one run's rounds can tell that from a
 * real change; measuring both sides interleaved in one job is the cure (`bench ab`, tested
 * live in ab-aa-no-false-alarm.test.ts).
 */
import { DEFAULT_SETTINGS } from '../../reports/decide/compare/compare-metric.js';
import { compareRuns, type Comparison } from '../../reports/decide/compare/compare.js';
import { roundsCell, runOf } from '../fixtures/round-cells.js';
import { gaussian, rng, type Rng } from './ab-simulate.js';

const ROUNDS = 5;

/** σ of log throughput per round, and of log median latency per round. */
export const RUNNER_NOISE = { throughput: 0.15, latency: 0.03 };

function rounds(random: Rng, drift: number[], speed: number): { tps: number[]; lat: number[] } {
  const tps = drift.map((d) => 1000 * speed * Math.exp(RUNNER_NOISE.throughput * gaussian(random) - d));
  const lat = drift.map((d) => (1 / speed) * Math.exp(RUNNER_NOISE.latency * gaussian(random) + d));
  return { tps, lat };
}

/** One compare: a baseline run and a run `slowdown` times slower per task, side by side. */
function simulateCompare(random: Rng, slowdown: number): Comparison {
  // Round r of both runs shares the machine's state at that moment.
  const drift = Array.from({ length: ROUNDS }, () => 0.1 * gaussian(random));
  const base = rounds(random, drift, 1);
  const now = rounds(random, drift, 1 / slowdown);
  return compareRuns(
    { file: 'baseline.json', run: runOf([roundsCell('worker-pool', base.tps, base.lat)]) },
    { file: 'current.json', run: runOf([roundsCell('worker-pool', now.tps, now.lat)]) },
    { ...DEFAULT_SETTINGS, normalize: false },
  );
}

/** How many of `compares` seeded compares called the cell regressed or improved. */
export function falseAlarms(seed: number, compares: number, slowdown: number): { regressed: number; improved: number } {
  const random = rng(seed);
  const counts = { regressed: 0, improved: 0 };
  for (let i = 0; i < compares; i++) {
    const verdict = simulateCompare(random, slowdown).cells[0]!.verdict;
    if (verdict === 'regressed' || verdict === 'improved') counts[verdict]++;
  }
  return counts;
}
