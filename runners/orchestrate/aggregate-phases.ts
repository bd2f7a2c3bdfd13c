/**
 * --phases: the rounds' phase samples → a completed cell's `phases` (the unloaded latency
 * phase) and `loadedPhases` (the saturated batch). As for latency, percentiles pool every
 * round's stored samples; means weigh each round's pre-thinning mean by its task count.
 */
import { PHASE_NAMES, type PhaseName } from '../contract/phases.js';
import type { CellPhases, PhaseSummary, RoundPhases, RoundSample } from '../contract/results.js';
import { ascending, quantile } from '../common/stats.js';

function weightedMean(parts: ReadonlyArray<{ mean: number; count: number }>): number {
  const count = parts.reduce((n, part) => n + part.count, 0);
  return count === 0 ? 0 : parts.reduce((sum, part) => sum + part.mean * part.count, 0) / count;
}

function phaseSummary(rounds: readonly RoundPhases[], name: PhaseName): PhaseSummary | null {
  const present = rounds.flatMap((r) => {
    const phase = r[name];
    return phase === null ? [] : [{ phase, count: r.count }];
  });
  // A strategy either has a phase in every round or in none; a partial one is not shown as if whole.
  if (present.length === 0 || present.length < rounds.length) return null;
  const pooled = ascending(present.flatMap((p) => p.phase.samplesMs));
  return {
    p50: quantile(pooled, 0.5),
    p99: quantile(pooled, 0.99),
    mean: weightedMean(present.map((p) => ({ mean: p.phase.meanMs, count: p.count }))),
  };
}

export function cellPhases(rounds: readonly RoundPhases[]): CellPhases {
  const phases = Object.fromEntries(PHASE_NAMES.map((name) => [name, phaseSummary(rounds, name)])) as Record<
    PhaseName,
    PhaseSummary | null
  >;
  return {
    count: rounds.reduce((n, r) => n + r.count, 0),
    latencyMeanMs: weightedMean(rounds.map((r) => ({ mean: r.latencyMeanMs, count: r.count }))),
    clamped: rounds.reduce((n, r) => n + r.clamped, 0),
    ...phases,
  };
}

/** Empty unless every round was timed (a run with --phases). */
export function phaseFigures(rounds: readonly RoundSample[]): { phases?: CellPhases; loadedPhases?: CellPhases } {
  const timed = rounds.flatMap((r) => (r.phases === undefined ? [] : [r.phases]));
  if (timed.length === 0 || timed.length < rounds.length) return {};
  return { phases: cellPhases(timed.map((t) => t.unloaded)), loadedPhases: cellPhases(timed.map((t) => t.loaded)) };
}
