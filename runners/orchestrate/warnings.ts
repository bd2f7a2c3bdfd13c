/**
 * Measurements that cannot be trusted as they stand, each with what to change.
 * Derived from the results alone, so a report can show them without re-running.
 */
import type { CellKey, CellResult, CompletedCell, MeasurementWarning, RoundSample, RunContext, RunConfig } from '../contract/results.js';
import { MAX_FOREIGN_CPU_SHARE } from './foreign-cpu.js';
import { relativeSpread } from '../common/stats.js';
import { twoModes } from '../common/two-modes.js';
import { formatDuration } from '../common/format-duration.js';
import { formatRate } from '../common/format-rate.js';
import { BASELINE_STRATEGY, strategyFacts } from '../contract/strategies.js';
import { transportNote } from './progress.js';

const MAX_SPREAD = 0.1;
const MIN_TASK_MS = 0.05;

const cellOf = (cell: CellKey): MeasurementWarning['cell'] => ({
  suite: cell.suite,
  size: cell.size,
  strategy: cell.strategy,
  runtime: cell.runtime,
  ...(cell.transport === undefined ? {} : { transport: cell.transport }),
});
/** "echo × worker-pool via clone": the transport named where it is not the strategy's default. */
const named = (cell: CellKey): string => `${cell.suite} × ${cell.strategy}${transportNote(cell)}`;
// A task's time in a sentence: one decimal, µs or ms however long (never switched to s).
const ms = (value: number): string => formatDuration(value, { gap: ' ', decimals: 1, units: 'ms' });

/**
 * When other processes took more than MAX_FOREIGN_CPU_SHARE of the CPU while `cell` was
 * measured (`during`: "round 2", "its window"), the warning that says so; else undefined.
 */
export function foreignLoadWarning(cell: CellKey, share: number, during: string): MeasurementWarning | undefined {
  if (!(share > MAX_FOREIGN_CPU_SHARE)) return undefined;
  return {
    kind: 'machine-load',
    cell: cellOf(cell),
    message: `${named(cell)}: other processes used ${(share * 100).toFixed(0)} % of the machine's CPU during ${during}`,
    hint: 'its figures are skewed against the other strategies: stop the other load and re-run',
  };
}

/** Warnings about the machine and environment a run ran in, whatever it measured. */
export function contextWarnings(context: RunContext): MeasurementWarning[] {
  const warnings: MeasurementWarning[] = [];
  for (const [name, value] of Object.entries(context.timingEnv)) {
    warnings.push({
      kind: 'timing-env',
      message: `${name}=${value} is set: it slows every process start (Node: ~95 ms with NODE_EXTRA_CA_CERTS), inflating start-up and per-task figures`,
      hint: `unset ${name} for the run, or compare only runs made with the same environment`,
    });
  }
  if (context.loadAverage1m > context.cpu.cores / 2) {
    warnings.push({
      kind: 'machine-load',
      message: `the machine was busy when the run began (1-minute load ${context.loadAverage1m.toFixed(2)} on ${context.cpu.cores} cores)`,
      hint: 'close other programs and re-run; compare strategies only within one run',
    });
  }
  return warnings;
}

export function findWarnings(cells: CellResult[], context: RunContext, config: RunConfig): MeasurementWarning[] {
  const warnings: MeasurementWarning[] = [];
  const completed = cells.filter((cell): cell is CompletedCell => cell.status === 'completed' && cell.scenario === 'batch');

  warnings.push(...contextWarnings(context));
  if (config.rounds < 3) {
    warnings.push({
      kind: 'few-rounds',
      message: `only ${config.rounds} round${config.rounds === 1 ? '' : 's'} per cell: the 95 % intervals are ${config.rounds === 1 ? 'absent' : 'very wide'}`,
      hint: 'use --rounds 5 (without --quick) before drawing conclusions',
    });
  }

  for (const cell of cells) {
    const redone =
      (cell.status === 'completed' && cell.scenario === 'batch') || cell.status === 'errored' ? (cell.disturbedRounds ?? []) : [];
    if (redone.length === 0) continue;
    warnings.push({
      kind: 'rounds-redone',
      cell: cellOf(cell),
      message: `${named(cell)}: ${redone.length} round${redone.length === 1 ? '' : 's'} redone, another program disturbed ${redone.length === 1 ? 'it' : 'them'} (${redone.map((r) => `round ${r.round}: ${r.disturbed}`).join('; ')})`,
      hint: 'the disturbed rounds are kept in the file (disturbedRounds) and left out of every figure; a quieter machine needs fewer',
    });
  }

  for (const cell of completed) {
    const share = (round: RoundSample): number => round.foreignCpuShare ?? 0;
    const busiest = cell.rounds.reduce((worst, round) => (share(round) > share(worst) ? round : worst));
    const load = foreignLoadWarning(cell, share(busiest), `round ${busiest.round}`);
    // Measured quiet: the other processes' share was recorded in every round and stayed low,
    // so a spread comes from inside the processes or below the OS, and "close other programs"
    // would be wrong advice.
    const quiet = !load && cell.rounds.every((round) => round.foreignCpuShare != null);
    const quietNote = `other processes took at most ${(share(busiest) * 100).toFixed(0)} % of the CPU in any round`;
    const spread = relativeSpread(cell.throughput.rounds);
    const modes = twoModes(cell.throughput.rounds);
    if (modes) {
      const { low, high } = modes;
      warnings.push({
        kind: 'two-modes',
        cell: cellOf(cell),
        message: `${named(cell)}: its rounds fall into two groups, ${low.rounds} near ${formatRate(low.mean)} and ${high.rounds} near ${formatRate(high.mean)} tasks/s (${(high.mean / low.mean).toFixed(2)}×): the mean and its interval describe neither`,
        hint: quiet
          ? `${quietNote}: most likely each process settled at one of two speeds, as when V8 optimizes a hot loop in one process and keeps deoptimizing it in another; look with node --trace-opt --trace-deopt`
          : 'load that came and went, or processes that settle at one of two speeds (V8 tiering): re-run on a quiet machine, and if the groups remain look with node --trace-deopt',
      });
    } else if (spread > MAX_SPREAD) {
      warnings.push({
        kind: 'high-variance',
        cell: cellOf(cell),
        message: `${named(cell)}: tasks/s differs by ${(spread * 100).toFixed(0)} % across rounds`,
        hint: quiet
          ? `${quietNote}, so the spread comes from inside the processes or below the OS (JIT, GC, CPU frequency, a virtual machine's neighbours): raise --rounds or --phase-time`
          : 'close other programs, raise --rounds or --phase-time',
      });
    }
    if (load) warnings.push(load);
    // The work in one task, best seen on the main thread where nothing else is in the way.
    const baseline = completed.find(
      (c) => c.strategy === BASELINE_STRATEGY && c.suite === cell.suite && c.size === cell.size && c.runtime === cell.runtime,
    );
    const workMs = (baseline ?? cell).latency.p50Ms;
    if (cell.strategy === BASELINE_STRATEGY && workMs < MIN_TASK_MS) {
      warnings.push({
        kind: 'short-task',
        cell: cellOf(cell),
        message: `${cell.suite} at size ${cell.size}: a task takes ${ms(workMs)}, too short to time apart from message and timer overhead`,
        hint: 'raise --size so a task takes at least 50 µs',
      });
    }
    if (strategyFacts(cell.strategy)?.perTask === true && cell.startupMs !== null && cell.startupMs > workMs) {
      warnings.push({
        kind: 'startup-dominates',
        cell: cellOf(cell),
        message: `${named(cell)}: start-up (${ms(cell.startupMs)}) dwarfs the work of a task (${ms(workMs)})`,
        hint: 'this strategy pays a spawn per task: use a pool, or a bigger --size to see where it breaks even',
      });
    }
  }
  warnings.push(...classOutputWarnings(completed));
  return warnings;
}

/**
 * One warning per suite whose run() returns a class instance: every strategy but main-thread
 * hands verify a plain object with the same own data, so a verify (or a reader) that relies
 * on the class's methods or getters would be judged on something else.
 */
function classOutputWarnings(completed: CompletedCell[]): MeasurementWarning[] {
  const found = new Map<string, { path: string; className: string }>();
  for (const cell of completed) {
    const outputClass = cell.rounds.find((round) => round.outputClass !== undefined)?.outputClass;
    if (outputClass !== undefined && !found.has(cell.suite)) found.set(cell.suite, outputClass);
  }
  return [...found].map(([suite, { path, className }]) => ({
    kind: 'class-output',
    message: `${suite}: run() returns an instance of ${className} (at ${path}); it is compared by its own enumerable data, and its prototype (methods, getters) does not cross a thread or process boundary`,
    hint: 'verify must read the data, not call its methods; return plain objects to silence this',
  }));
}
