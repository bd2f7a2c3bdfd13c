/**
 * A batch cell's figures from its rounds: the one computation the run writes them with
 * (orchestrate/aggregate.ts) and the loader checks them against (reports/aggregates-agree.ts),
 * so a figure in a report is always one its stored rounds give.
 */
import type { CompletedCell, DelaySummary, RoundSample } from '../contract/results.js';
import { ascending, confidenceInterval95, mean, median, quantile } from './stats.js';

export type BatchFigures = Pick<
  CompletedCell,
  'throughput' | 'latency' | 'loadedLatency' | 'eventLoopDelay' | 'startupMs' | 'setupMs' | 'memory'
>;

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

/** `rounds`: at least one (a cell without a measured round is skipped or errored, never completed). */
export function batchFigures(rounds: readonly RoundSample[]): BatchFigures {
  const perRound = rounds.map((r) => r.tasksPerSec);
  const latencies = ascending(rounds.flatMap((r) => r.latencySamplesMs));
  const startups = rounds.flatMap((r) => r.startupSamplesMs);
  // Only a suite with setup() records its hosts' setups: absent, the cell has no such figure.
  const setups = rounds.some((r) => r.setupSamplesMs !== undefined) ? rounds.flatMap((r) => r.setupSamplesMs ?? []) : undefined;
  return {
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
      method: rounds[0]!.eventLoopDelay.method,
    },
    startupMs: startups.length > 0 ? median(startups) : null,
    ...(setups === undefined || setups.length === 0 ? {} : { setupMs: median(setups) }),
    memory: { peakRssBytes: Math.max(...rounds.map((r) => r.peakRssBytes)) },
  };
}
