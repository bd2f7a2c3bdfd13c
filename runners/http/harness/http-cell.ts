/**
 * One strategy's HTTP measurement → one cell. Every latency percentile is computed from the
 * thinned samples stored beside it, so a reader can recompute each number in the file; the
 * mean alone comes from all samples (thinning keeps the extremes and would inflate it).
 */
import { round4, storedSamples } from '../../common/samples.js';
import type {
  CellKey,
  DelaySummary,
  ErroredCell,
  HttpCompletedCell,
  HttpPhases,
  PhaseSamples,
  PhaseSummary,
} from '../../contract/results.js';
import { mean, median, quantile } from '../../common/stats.js';
import type { HealthOutcome } from './health-probe.js';
import type { LoadOutcome } from './load.js';
import type { ServerPhases, ServerStats } from '../../contract/http-protocol.js';
import { cellPhases } from '../../orchestrate/aggregate-phases.js';

export type HttpCellKey = CellKey & { scenario: 'http' };

export interface HttpMeasurement {
  load: LoadOutcome;
  /** Absent when /health was not probed. */
  health: HealthOutcome | undefined;
  server: ServerStats;
  peakRssBytes: number;
  foreignCpuShare: number | null;
}

/** Sorted, thinned evenly (quantiles and the max survive), rounded to 0.1 µs. */

const summary = (sorted: readonly number[]): DelaySummary => ({
  p50Ms: round4(quantile(sorted, 0.5)),
  p99Ms: round4(quantile(sorted, 0.99)),
  maxMs: sorted.at(-1) ?? 0,
});

/** A phase of the server's own, as a cell's phases are summarised (aggregate-phases.ts): from its stored, ascending samples. */
const phaseSummary = (phase: PhaseSamples | null): PhaseSummary | null =>
  phase === null ? null : { p50: quantile(phase.samplesMs, 0.5), p99: quantile(phase.samplesMs, 0.99), mean: phase.meanMs };

/** --phases: the window's requests, their tasks split as a one-round cell's, and the server's parse and respond time. */
export function httpPhases(server: ServerPhases): HttpPhases {
  return { ...cellPhases([server.tasks]), parseMs: phaseSummary(server.parseMs), respondMs: phaseSummary(server.respondMs) };
}

/** Requests and their latency, as a cell and a server alone (measure-noop.ts) record them. */
export function requestFigures(load: LoadOutcome): Pick<HttpCompletedCell, 'requests' | 'latency'> & { latencyMs: number[] } {
  const latencyMs = storedSamples(load.okLatenciesMs);
  return {
    requests: { perSec: load.ok / (load.wallMs / 1000), ok: load.ok, total: load.total, wallMs: round4(load.wallMs) },
    latency: {
      meanMs: round4(mean(load.okLatenciesMs)),
      p50Ms: round4(quantile(latencyMs, 0.5)),
      p90Ms: round4(quantile(latencyMs, 0.9)),
      p99Ms: round4(quantile(latencyMs, 0.99)),
      maxMs: latencyMs.at(-1) ?? 0,
      count: load.okLatenciesMs.length,
    },
    latencyMs,
  };
}

export function errored(key: HttpCellKey, message: string): ErroredCell {
  return { ...key, status: 'errored', verified: false, error: { message, round: 1 }, rounds: [] };
}

export function httpCell(
  key: HttpCellKey,
  { load, health, server, peakRssBytes, foreignCpuShare }: HttpMeasurement,
): HttpCompletedCell | ErroredCell {
  const { counters } = server;
  // A breach of the contract (run changed its input) means the server measured other work
  // than asked, however well it answered: the cell errors with the same line `bench run` gives.
  if (server.contractBreach !== undefined) return errored(key, server.contractBreach);
  // The first wrong output is kept across the warm-up's reset of the counters: a strategy
  // that answered wrong while warming up is not verified either.
  if (counters.wrongOutputs > 0 || server.firstWrongOutput !== undefined) {
    const how = counters.wrongOutputs > 0 ? `${counters.wrongOutputs} wrong output(s)` : 'wrong output(s) during the warm-up';
    return errored(key, `the server computed ${how}, answered 500: ${server.firstWrongOutput ?? 'no detail'}`);
  }
  if (load.ok === 0) {
    // The server's own first failure says why, where there was one: the counts alone do not.
    const why = server.firstServerError
      ? `the server's first failure: ${server.firstServerError}`
      : 'check the server, or lower --connections';
    return errored(
      key,
      `no request was answered 2xx (${load.errors} connection errors, ${load.timeouts} timeouts, ` +
        `${load.overloaded} 503s, ${load.serverErrors} other 5xx): ${why}`,
    );
  }
  const { requests, latency, latencyMs } = requestFigures(load);
  const healthMs = health ? storedSamples(health.samplesMs) : [];
  const delay = server.eventLoopDelay;
  return {
    ...key,
    status: 'completed',
    verified: true,
    requests,
    latency,
    errors: {
      errors: load.errors,
      timeouts: load.timeouts,
      non2xx: load.non2xx,
      overloaded: load.overloaded,
      serverErrors: load.serverErrors,
    },
    eventLoopDelay: { ...delay, p50Ms: round4(delay.p50Ms), p99Ms: round4(delay.p99Ms), maxMs: round4(delay.maxMs) },
    health: health ? { ...summary(healthMs), count: health.samplesMs.length, failures: health.failures } : null,
    startupMs: server.startupSamplesMs.length > 0 ? round4(median(server.startupSamplesMs)) : null,
    memory: { peakRssBytes },
    server: {
      answered: counters.answered,
      overloaded: counters.overloaded,
      failed: counters.failed,
      health: counters.health,
      verifiedOutputs: counters.verifiedOutputs,
    },
    foreignCpuShare,
    samples: { latencyMs, healthMs },
    ...(server.phases === undefined ? {} : { phases: httpPhases(server.phases) }),
  };
}
