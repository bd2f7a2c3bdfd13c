/**
 * How long a study will take, before it starts and while it runs. A study's cells differ
 * by orders of magnitude (fib(20) vs fib(32) under process-per-task), so a flat "time per
 * cell so far" ETA is wrong by minutes; instead each planned round gets an estimate from
 * the task's time (one timed task per size, in the suite probe: suite-facts.ts), the
 * strategy's start-up (the runtime probe's measurements) and the phase budgets of
 * measure.ts, and the running ETA scales what is left by how the estimates compared with
 * reality so far.
 */
import type { RuntimeProbe } from '../../contract/capabilities.js';
import { strategyFacts } from '../../contract/strategies.js';
import { BATCH_MIN_WAVES, MIN_LATENCY_SAMPLES, WARM_UP_WAVES } from '../../contract/round-shape.js';
import type { BatchCellKey } from '../../contract/results.js';
import type { PlannedSuite } from '../plan.js';
import { probeSuite } from '../suite-facts.js';

/** Start of a cell process: the runtime, our imports, the suite, the outcome file. Measured here: 0.3–0.5 s. */
const CELL_OVERHEAD_MS = 400;
/** Per-task hand-off beyond the work: a postMessage or IPC round trip (DESIGN.md's measured facts). */
const DISPATCH_MS = { main: 0, thread: 0.04, process: 0.06 } as const;
/** Calibration stops timing sizes after this long, all suites together, and extrapolates the rest. */
const CALIBRATION_BUDGET_MS = 3000;
/** Past its share of the budget, a suite's probe is ended however far it got: a task that long (or hung) is extrapolated over. */
const CALIBRATION_SLACK_MS = 10_000;

const key = (suite: string, size: number): string => `${suite}\u0000${size}`;

export type TaskTimes = Map<string, number>;

export const taskTimeOf = (times: TaskTimes, suite: string, size: number): number => times.get(key(suite, size)) ?? 1;

interface CalibrationTime {
  name: string;
  size: number;
  ms: number;
}

/**
 * Times one task per suite and size (after one untimed call for the JIT), smallest size
 * first, each suite in its own probe process; once the budget is spent, the rest are
 * extrapolated on log size and log time from the two largest timed sizes below them. A
 * suite that fails to load or to run costs its estimate only. `signal` (Ctrl-C) ends the
 * timing at once.
 */
export async function calibrateTaskTimes(suites: readonly PlannedSuite[], signal?: AbortSignal): Promise<TaskTimes> {
  const byUrl = new Map<string, PlannedSuite[]>();
  for (const suite of suites) byUrl.set(suite.url, [...(byUrl.get(suite.url) ?? []), suite]);
  const jobs = [...byUrl].map(([url, planned]) => ({
    url,
    name: planned[0]!.name,
    sizes: [...new Set(planned.map((p) => p.size))].sort((a, b) => a - b),
  }));
  const timed: CalibrationTime[] = [];
  const started = performance.now();
  for (const { url, name, sizes } of jobs) {
    if (signal?.aborted) break;
    const budgetMs = Math.max(0, CALIBRATION_BUDGET_MS - (performance.now() - started));
    const answer = await probeSuite(url, {
      timeoutMs: budgetMs + CALIBRATION_SLACK_MS,
      timing: { sizes, budgetMs },
      ...(signal === undefined ? {} : { signal }),
    });
    if (answer.ok) timed.push(...answer.taskMs.map(([size, ms]) => ({ name, size, ms })));
  }
  const times: TaskTimes = new Map(timed.map(({ name, size, ms }) => [key(name, size), ms]));
  for (const { name, sizes } of jobs) {
    const known = timed.filter((t) => t.name === name).map((t): [number, number] => [t.size, t.ms]);
    for (const size of sizes) {
      if (times.has(key(name, size))) continue;
      const [first, last] = known.filter(([s]) => s < size).slice(-2);
      if (!first || !last) continue;
      const [s1, t1] = first;
      const [s2, t2] = last;
      const slope = s2 > s1 && t2 > 0 && t1 > 0 ? Math.max(1, Math.log(t2 / t1) / Math.log(s2 / s1)) : 1;
      times.set(key(name, size), t2 * (size / s2) ** slope);
    }
  }
  return times;
}

export interface EstimateInputs {
  phaseMs: number;
  cores: number;
  taskTimes: TaskTimes;
  probes: ReadonlyMap<string, RuntimeProbe>;
}

/** What a round of a cell should take, ms. */
export type RoundEstimate = (key: BatchCellKey) => number;

/** The expected wall time of one round of a cell, ms, following measure.ts's phases. */
export function estimateRoundMs(key: BatchCellKey, inputs: EstimateInputs): number {
  const { strategy, workers, suite, size, runtime } = key;
  const facts = strategyFacts(strategy);
  const kind = facts?.kind ?? 'thread';
  const probe = inputs.probes.get(runtime);
  const spawnMs = kind === 'thread' ? (probe?.workerStartMs[probe.threadApi] ?? 50) : kind === 'process' ? (probe?.forkStartMs ?? 150) : 0;
  const taskMs = taskTimeOf(inputs.taskTimes, suite, size);
  const parallel = kind === 'main' ? 1 : Math.min(workers, inputs.cores);
  const latency = taskMs + DISPATCH_MS[kind] + (facts?.perTask ? spawnMs : 0);
  const perTask = latency / parallel;
  const inflight = 2 * workers;
  const phase = inputs.phaseMs;
  const startup = facts?.perTask || kind === 'main' ? 0 : spawnMs * Math.ceil(workers / inputs.cores);
  const warm = Math.max(phase / 5, WARM_UP_WAVES * inflight * perTask);
  const unloaded = Math.max(phase, MIN_LATENCY_SAMPLES * latency) + latency;
  const batch = Math.max(phase, BATCH_MIN_WAVES * inflight * perTask);
  return CELL_OVERHEAD_MS + startup + warm + unloaded + batch;
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes >= 60
    ? `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`
    : `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
}
