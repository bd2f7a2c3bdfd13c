/**
 * A completed cell's figures must be those its stored samples give: a report renders the
 * figures, so a file that claims 123,456,789 tasks/s beside a round of 5, or a ci95 of
 * [1, 1e12], would be drawn as measured. The rule, per figure:
 *
 * - recomputed with the writer's own code (runners/common/batch-figures.ts), a figure agrees
 *   within rounding: 0.1 % of the larger, or 0.001 (a figure written to three decimals);
 * - a percentile lies within the samples it summarises, its largest is the largest sample:
 *   percentiles taken another way (nearest rank, or a hand-made file's round figure) still
 *   pass, as no definition puts a percentile outside its samples;
 * - a rate agrees with the count and the wall time it was measured over.
 *
 * Batch cells are checked against their rounds, HTTP cells against their stored samples.
 */
import type { CompletedCell, HttpCompletedCell, RunResult } from '../runners/contract/results.js';
import { batchFigures } from '../runners/common/batch-figures.js';
import { ascending } from '../runners/common/stats.js';

const agree = (found: number, expected: number): boolean =>
  Math.abs(found - expected) <= Math.max(1e-3, 1e-3 * Math.max(Math.abs(found), Math.abs(expected)));

/** Whether `found` lies within the ascending `sorted` samples (0, as the writer gives, for none). */
function within(sorted: readonly number[], found: number): boolean {
  if (sorted.length === 0) return agree(found, 0);
  const low = sorted[0]!;
  const high = sorted.at(-1)!;
  return (found >= low || agree(found, low)) && (found <= high || agree(found, high));
}

const shown = (value: number): string => String(Number(value.toPrecision(9)));

/** One problem, or undefined: `at` names a figure, `what` where the expected value comes from. */
type Check = () => string | undefined;

function figureCheck(at: string, found: number | null, expected: number | null, what: string): Check {
  return () => {
    if (found === null || expected === null)
      return found === expected
        ? undefined
        : `${at} is ${found === null ? 'null' : shown(found)} but ${what} ${expected === null ? 'none' : shown(expected)}`;
    return agree(found, expected) ? undefined : `${at} is ${shown(found)} but ${what} ${shown(expected)}`;
  };
}

function rangeCheck(at: string, sorted: readonly number[], found: number, samples: string): Check {
  return () =>
    within(sorted, found)
      ? undefined
      : `${at} is ${shown(found)}, outside the ${sorted.length} ${samples} it summarises (${sorted.length === 0 ? 'none' : `${shown(sorted[0]!)} to ${shown(sorted.at(-1)!)}`})`;
}

function rateCheck(at: string, rate: number, count: number, wallMs: number, counted: string): Check {
  // A zero-length window gives no rate to check against (and no bench writes one).
  return wallMs > 0 ? figureCheck(at, rate, count / (wallMs / 1000), `its ${counted} and wallMs give`) : () => undefined;
}

function batchChecks(cell: CompletedCell, at: string): Check[] {
  if (cell.rounds.length === 0) return [() => `${at} is completed but holds no rounds to check its figures against`];
  const want = batchFigures(cell.rounds);
  const { throughput, latency, loadedLatency, eventLoopDelay } = cell;
  const latencies = ascending(cell.rounds.flatMap((r) => r.latencySamplesMs));
  const loaded = ascending(cell.rounds.flatMap((r) => r.loadedLatencySamplesMs));
  const fromRounds = 'its rounds give';
  return [
    ...cell.rounds.map((round, i) => rateCheck(`${at}.rounds[${i}].tasksPerSec`, round.tasksPerSec, round.tasks, round.wallMs, 'tasks')),
    () =>
      throughput.rounds.length === cell.rounds.length
        ? undefined
        : `${at}.throughput.rounds holds ${throughput.rounds.length} rates for ${cell.rounds.length} rounds`,
    ...throughput.rounds.map((rate, i) =>
      figureCheck(`${at}.throughput.rounds[${i}]`, rate, cell.rounds[i]?.tasksPerSec ?? null, `rounds[${i}].tasksPerSec is`),
    ),
    figureCheck(`${at}.throughput.tasksPerSec`, throughput.tasksPerSec, want.throughput.tasksPerSec, 'the median of its rounds is'),
    figureCheck(`${at}.throughput.ci95[0]`, throughput.ci95[0], want.throughput.ci95[0], fromRounds),
    figureCheck(`${at}.throughput.ci95[1]`, throughput.ci95[1], want.throughput.ci95[1], fromRounds),
    rangeCheck(`${at}.latency.p50Ms`, latencies, latency.p50Ms, 'latency samples'),
    rangeCheck(`${at}.latency.p75Ms`, latencies, latency.p75Ms, 'latency samples'),
    rangeCheck(`${at}.latency.p99Ms`, latencies, latency.p99Ms, 'latency samples'),
    figureCheck(`${at}.latency.maxMs`, latency.maxMs, want.latency.maxMs, fromRounds),
    figureCheck(`${at}.latency.meanMs`, latency.meanMs, want.latency.meanMs, fromRounds),
    figureCheck(`${at}.latency.count`, latency.count, want.latency.count, fromRounds),
    rangeCheck(`${at}.loadedLatency.p50Ms`, loaded, loadedLatency.p50Ms, 'loaded latency samples'),
    rangeCheck(`${at}.loadedLatency.p99Ms`, loaded, loadedLatency.p99Ms, 'loaded latency samples'),
    figureCheck(`${at}.loadedLatency.maxMs`, loadedLatency.maxMs, want.loadedLatency.maxMs, fromRounds),
    figureCheck(`${at}.eventLoopDelay.p50Ms`, eventLoopDelay.p50Ms, want.eventLoopDelay.p50Ms, fromRounds),
    figureCheck(`${at}.eventLoopDelay.p99Ms`, eventLoopDelay.p99Ms, want.eventLoopDelay.p99Ms, fromRounds),
    figureCheck(`${at}.eventLoopDelay.maxMs`, eventLoopDelay.maxMs, want.eventLoopDelay.maxMs, fromRounds),
    figureCheck(`${at}.startupMs`, cell.startupMs, want.startupMs, fromRounds),
    figureCheck(`${at}.setupMs`, cell.setupMs ?? null, want.setupMs ?? null, fromRounds),
    figureCheck(`${at}.memory.peakRssBytes`, cell.memory.peakRssBytes, want.memory.peakRssBytes, fromRounds),
  ];
}

/** Requests per second and latency against the samples they summarise: an HTTP cell's, or a server's alone (noop). */
function requestChecks(
  { requests, latency, samples }: Pick<HttpCompletedCell, 'requests' | 'latency'> & { samples: { latencyMs: number[] } },
  at: string,
): Check[] {
  const latencies = ascending(samples.latencyMs);
  return [
    rateCheck(`${at}.requests.perSec`, requests.perSec, requests.ok, requests.wallMs, 'ok requests'),
    rangeCheck(`${at}.latency.p50Ms`, latencies, latency.p50Ms, 'latency samples'),
    rangeCheck(`${at}.latency.p90Ms`, latencies, latency.p90Ms, 'latency samples'),
    rangeCheck(`${at}.latency.p99Ms`, latencies, latency.p99Ms, 'latency samples'),
    figureCheck(`${at}.latency.maxMs`, latency.maxMs, latencies.at(-1) ?? 0, 'its samples give'),
  ];
}

function httpChecks(cell: HttpCompletedCell, at: string): Check[] {
  const { health } = cell;
  const healthMs = ascending(cell.samples.healthMs);
  return [
    ...requestChecks(cell, at),
    ...(health === null
      ? []
      : [
          rangeCheck(`${at}.health.p50Ms`, healthMs, health.p50Ms, 'health samples'),
          rangeCheck(`${at}.health.p99Ms`, healthMs, health.p99Ms, 'health samples'),
          figureCheck(`${at}.health.maxMs`, health.maxMs, healthMs.at(-1) ?? 0, 'its samples give'),
        ]),
  ];
}

/** The first figure of a completed cell, or of a server measured alone, that disagrees with what it summarises, or undefined. */
export function aggregatesProblem(run: RunResult): string | undefined {
  const checks = [
    ...run.cells.flatMap((cell, index) => {
      if (cell.status !== 'completed') return [];
      const at = `cells[${index}]`;
      return cell.scenario === 'batch' ? batchChecks(cell, at) : httpChecks(cell, at);
    }),
    ...(run.noop ?? []).flatMap((noop, index) => (noop.status === 'completed' ? requestChecks(noop, `noop[${index}]`) : [])),
  ];
  for (const check of checks) {
    const problem = check();
    if (problem !== undefined) return problem;
  }
  return undefined;
}
