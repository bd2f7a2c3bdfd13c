/**
 * The measured phases of one cell round, in order: warm-up, unloaded latency
 * (tinybench), saturated batch (aggregate throughput, latency under load, event-loop delay).
 */
import { Bench } from 'tinybench';
import type { Suite, Value } from '../../suites/suite.js';
import { startEventLoopProbe } from './event-loop-delay.js';
import type { Executor } from '../executors/executor.js';
import { InputBank } from './input-bank.js';
import { OutputVerifier } from './output-verifier.js';
import type { EventLoopDelay, RoundSample } from '../contract/results.js';
import { mean } from '../common/stats.js';
import { round4, storedSamples } from '../common/samples.js';
import { cellClock, cellTime } from '../common/phase-clock.js';
import { PhaseRecorder, TaskTiming } from '../common/phase-timing.js';
import { startCpuAccount } from './cpu-account.js';
import { BATCH_MIN_WAVES, MIN_LATENCY_SAMPLES, WARM_UP_WAVES } from '../contract/round-shape.js';

export interface MeasureOptions {
  suite: Suite;
  size: number;
  seed: number;
  workers: number;
  /** Time budget of each timed phase, ms. Warm-up takes a fifth of it. */
  phaseMs: number;
  eventLoopMethod: EventLoopDelay['method'];
  eventLoopFloorMs: number;
  /** --in-flight-per-worker, when given: the saturated phases keep one more than that per worker outstanding. */
  inFlightPerWorker?: number | undefined;
  /**
   * Without the flag: how many tasks each of the strategy's workers takes at once (its
   * registry depth). Used for the batch only when tasks are too short for two per worker.
   */
  strategyDepth?: number | undefined;
  /**
   * --phases: split the latency of every task of the unloaded phase and of the saturated batch
   * into phases (warm-up tasks are not timed). Off: no TaskTiming is made, nothing is stamped.
   */
  phases?: boolean;
}

/**
 * Below this time per task per worker (from the warm-up), two tasks per worker leave each
 * worker waiting for the cell's round trip (tens of µs): the batch then keeps the strategy's
 * own depth per worker outstanding, or it would measure the harness's offered load, not the
 * strategy's dispatch. Above it, two per worker saturate any strategy, and every strategy
 * gets the same offered load, so loaded latencies compare.
 */
export const PIPELINE_BELOW_MS = 0.5;

/** Tasks the saturated batch keeps outstanding (see PIPELINE_BELOW_MS). */
export function batchInFlight(options: MeasureOptions, warmTasksPerSec: number): number {
  const { workers, inFlightPerWorker, strategyDepth } = options;
  if (inFlightPerWorker !== undefined) return workers * (inFlightPerWorker + 1);
  const msPerTaskPerWorker = (workers * 1000) / warmTasksPerSec;
  const deep = strategyDepth !== undefined && strategyDepth > 1 && msPerTaskPerWorker < PIPELINE_BELOW_MS;
  return workers * ((deep ? strategyDepth : 1) + 1);
}

type Measured = Omit<RoundSample, 'round' | 'peakRssBytes' | 'startupSamplesMs' | 'foreignCpuShare'>;

interface LoopResult {
  wallMs: number;
  latenciesMs: number[];
}

/**
 * Runs `tasks` tasks keeping `inflight` outstanding: each completion submits the next,
 * so the executor's queue never runs dry and never grows without bound.
 */
function closedLoop(
  executor: Executor,
  bank: InputBank,
  verifier: OutputVerifier,
  first: number,
  tasks: number,
  inflight: number,
  recorder?: PhaseRecorder,
): Promise<LoopResult> {
  return new Promise((resolve, reject) => {
    const latenciesMs: number[] = [];
    let submitted = 0;
    let completed = 0;
    let failed = false;
    const start = performance.now();
    const submit = (): void => {
      const task = first + submitted++;
      const input = bank.forTask(task);
      const submittedAt = performance.now();
      const timing = recorder ? new TaskTiming(cellTime(submittedAt)) : undefined;
      executor
        .run(input, timing)
        .then((output) => {
          if (failed) return;
          const completedAt = performance.now();
          latenciesMs.push(completedAt - submittedAt);
          if (timing) recorder!.record(timing, cellTime(completedAt));
          verifier.check(bank.seedIndex(task), output);
          if (++completed === tasks) resolve({ wallMs: performance.now() - start, latenciesMs });
          else if (submitted < tasks) submit();
        })
        .catch((error: unknown) => {
          failed = true;
          reject(error);
        });
    };
    for (let i = 0; i < Math.min(inflight, tasks); i++) submit();
  });
}

async function unloadedLatency(
  executor: Executor,
  bank: InputBank,
  verifier: OutputVerifier,
  first: number,
  phaseMs: number,
  recorder?: PhaseRecorder,
): Promise<number[]> {
  let task = first;
  let input = bank.forTask(task);
  let output: Value | undefined;
  let finished = false;
  let timing: TaskTiming | undefined;
  let completedAt = 0;
  const bench = new Bench({ time: phaseMs, iterations: MIN_LATENCY_SAMPLES, warmup: false, retainSamples: true, throws: true });
  // async: tinybench calls a non-async function once at add time to detect its kind.
  bench.add(
    'unloaded',
    async () => {
      timing = recorder ? new TaskTiming(cellClock()) : undefined;
      output = await executor.run(input, timing);
      if (timing) completedAt = cellClock();
      finished = true;
    },
    {
      // Input preparation (a copy, for transferring strategies) and the output's check (up to
      // a million floats compared for sort) stay outside the timed window.
      beforeEach() {
        input = bank.forTask(++task);
        finished = false;
      },
      // tinybench calls this in a finally: after a failed task, stay quiet so its own error surfaces.
      afterEach() {
        if (finished && timing) recorder!.record(timing, completedAt);
        if (finished) verifier.check(bank.seedIndex(task), output!);
      },
    },
  );
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (!result || !('latency' in result)) throw new Error(`tinybench did not complete: ${result?.state ?? 'no task'}`);
  return [...(result.latency.samples ?? [])];
}

export async function measureRound(executor: Executor, options: MeasureOptions): Promise<Measured> {
  const { suite, size, seed, workers, phaseMs } = options;
  const bank = new InputBank(suite, size, seed, executor.transfersInput);
  const verifier = new OutputVerifier(suite, bank.inputs);
  // Two per worker by default: one running, one waiting, so no worker idles between tasks.
  // With a deeper pipeline asked for, enough to fill it and still have one waiting.
  const warmInflight = workers * ((options.inFlightPerWorker ?? 1) + 1);

  // Warm-up: JIT, worker start-up and the first (full) verifications happen here, untimed.
  let task = 0;
  const warmUp = async (inflight: number, budgetMs: number): Promise<number> => {
    let warmTasks = 0;
    const warmStart = performance.now();
    do {
      await closedLoop(executor, bank, verifier, task, inflight * WARM_UP_WAVES, inflight);
      task += inflight * WARM_UP_WAVES;
      warmTasks += inflight * WARM_UP_WAVES;
    } while (performance.now() - warmStart < budgetMs);
    return warmTasks / ((performance.now() - warmStart) / 1000);
  };
  const warmTasksPerSec = await warmUp(warmInflight, phaseMs / 5);
  // Between phases, never inside one (hashing an input is not free): after the warm-up, every
  // input has been run at least once, so a run that changes its input is caught before the
  // timed phases measure other work; after the batch, one that changes it only sometimes.
  bank.assertUnchanged('seen after the warm-up');

  const recorders = options.phases ? { unloaded: new PhaseRecorder(), loaded: new PhaseRecorder() } : undefined;
  const latencySamples = await unloadedLatency(executor, bank, verifier, task, phaseMs, recorders?.unloaded);
  task += latencySamples.length + 1;

  const inflight = batchInFlight(options, warmTasksPerSec);
  // A deeper pipeline runs faster: its own short warm-up gives the rate the batch is sized by.
  const batchTasksPerSec = inflight > warmInflight ? await warmUp(inflight, phaseMs / 10) : warmTasksPerSec;
  // Batch size from the warm-up rate, so the batch lasts about one phase on any strategy.
  const tasks = Math.max(inflight * BATCH_MIN_WAVES, Math.round((batchTasksPerSec * phaseMs) / 1000));
  const probe = startEventLoopProbe(options.eventLoopMethod, options.eventLoopFloorMs);
  const account = startCpuAccount();
  const batch = await closedLoop(executor, bank, verifier, task, tasks, inflight, recorders?.loaded);
  const cpu = account.stop(tasks);
  const eventLoopDelay = probe.stop();
  bank.assertUnchanged('seen after the phases');

  return {
    tasks,
    wallMs: round4(batch.wallMs),
    tasksPerSec: tasks / (batch.wallMs / 1000),
    inFlight: inflight,
    latencySamplesMs: storedSamples(latencySamples),
    latencyMeanMs: round4(mean(latencySamples)),
    latencyCount: latencySamples.length,
    loadedLatencySamplesMs: storedSamples(batch.latenciesMs),
    eventLoopDelay: {
      ...eventLoopDelay,
      p50Ms: round4(eventLoopDelay.p50Ms),
      p99Ms: round4(eventLoopDelay.p99Ms),
      maxMs: round4(eventLoopDelay.maxMs),
    },
    verifiedOutputs: verifier.count,
    cpu,
    ...(recorders ? { phases: { unloaded: recorders.unloaded.finish(), loaded: recorders.loaded.finish() } } : {}),
  };
}
