/**
 * Rounds → one CellResult. The one function every aggregate figure comes from, so each
 * number in a table or chart can be recomputed from the `rounds` stored beside it.
 */
import type { RoundOutcome } from './spawn-cell.js';
import type { BatchCellKey, CellResult, DelaySummary, RoundSample } from '../contract/results.js';
import { ascending, confidenceInterval95, mean, median, quantile } from '../common/stats.js';
import { phaseFigures } from './aggregate-phases.js';

export interface RoundRecord {
  round: number;
  outcome: RoundOutcome;
}

function delaySummary(samples: number[]): DelaySummary {
  const sorted = ascending(samples);
  return { p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99), maxMs: sorted.at(-1) ?? 0 };
}

/** The unloaded mean over every sample measured, from each round's own mean and count; null for older rounds. */
function meanOverRounds(rounds: readonly RoundSample[]): number | null {
  let total = 0;
  let count = 0;
  for (const round of rounds) {
    if (round.latencyMeanMs === null || round.latencyCount === null) return null;
    total += round.latencyMeanMs * round.latencyCount;
    count += round.latencyCount;
  }
  return count > 0 ? total / count : null;
}

/** `skipReason`: why the cell was never run (its runtime is missing or cannot run the strategy). */
export function aggregateCell(key: BatchCellKey, records: RoundRecord[], skipReason?: string): CellResult {
  if (skipReason !== undefined) return { ...key, status: 'skipped', verified: false, reason: skipReason };
  const rounds: RoundSample[] = records.flatMap((r) => (r.outcome.ok ? [r.outcome.sample] : []));
  const failure = records.find((r) => !r.outcome.ok);
  if (failure && !failure.outcome.ok) {
    return { ...key, status: 'errored', verified: false, error: { message: failure.outcome.error, round: failure.round }, rounds };
  }
  if (rounds.length === 0) {
    return { ...key, status: 'skipped', verified: false, reason: 'the run was interrupted before this cell ran' };
  }
  const perRound = rounds.map((r) => r.tasksPerSec);
  const latencies = ascending(rounds.flatMap((r) => r.latencySamplesMs));
  const startups = rounds.flatMap((r) => r.startupSamplesMs);
  const firstDelay = rounds[0]!.eventLoopDelay;
  return {
    ...key,
    status: 'completed',
    verified: true,
    throughput: { tasksPerSec: median(perRound), ci95: confidenceInterval95(perRound), rounds: perRound },
    latency: {
      meanMs: meanOverRounds(rounds) ?? mean(latencies),
      p50Ms: quantile(latencies, 0.5),
      p75Ms: quantile(latencies, 0.75),
      p99Ms: quantile(latencies, 0.99),
      maxMs: latencies.at(-1) ?? 0,
      count: rounds.reduce((total, r) => total + (r.latencyCount ?? r.latencySamplesMs.length), 0),
    },
    loadedLatency: delaySummary(rounds.flatMap((r) => r.loadedLatencySamplesMs)),
    eventLoopDelay: {
      p50Ms: median(rounds.map((r) => r.eventLoopDelay.p50Ms)),
      p99Ms: median(rounds.map((r) => r.eventLoopDelay.p99Ms)),
      maxMs: Math.max(...rounds.map((r) => r.eventLoopDelay.maxMs)),
      method: firstDelay.method,
    },
    startupMs: startups.length > 0 ? median(startups) : null,
    memory: { peakRssBytes: Math.max(...rounds.map((r) => r.peakRssBytes)) },
    ...phaseFigures(rounds),
    rounds,
  };
}
