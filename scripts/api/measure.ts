/**
 * The two steps of every `bench run`, from the shell or from code: options → a checked plan
 * (suites probed in a child, runtimes located), then the run loop writing its results file.
 * The CLI's `bench run` and the API's `run()` both call them, so the two plan, measure and
 * record alike; each adds only its own edges (the CLI: Ctrl-C, the table, exit codes; the
 * API: no file unless asked, no output unless asked).
 */
import type { RunConfig, RunResult } from '../../runners/contract/results.js';
import type { Progress } from '../../runners/orchestrate/progress.js';
import type { RoundEstimate } from '../../runners/orchestrate/study/estimate.js';
import type { PlannedRound, PlannedSuite } from '../../runners/orchestrate/plan.js';
import { executeRun, type RuntimeTarget } from '../../runners/orchestrate/run.js';
import { checkPeersRun, resolveRunOptions, sequentialLimits, type RawRunOptions } from '../cli/options/run-options.js';
import { resolveRuntimes, type RawRuntimeOptions } from '../cli/options/runtime-options.js';

/** `bench run`'s flags, parsed (the CLI's yargs arguments are such an object; the API builds one). */
export type RunFlags = RawRunOptions & RawRuntimeOptions & { maxRounds?: number; maxTime?: string };

/** A run whose options are checked: what measureRun measures. */
export interface PreparedRun {
  suites: PlannedSuite[];
  config: RunConfig;
  runtimes: RuntimeTarget[];
}

/** Bad options throw a UsageError naming the flag and the fix (exit 2 in the CLI). `warn`: a runtime skipped under --keep-going. */
export async function prepareRun(flags: RunFlags, warn: (line: string) => void): Promise<PreparedRun> {
  const { suites, config } = await resolveRunOptions({ ...flags, redoesDisturbed: true });
  const sequential = sequentialLimits(flags, config.rounds);
  const runtimes = await resolveRuntimes(flags, warn);
  checkPeersRun(config.strategies, runtimes);
  return { suites, config: { ...config, runtimes: runtimes.map((t) => t.name), ...sequential }, runtimes };
}

export interface MeasureIo {
  /** A writable directory (resolved): the results file is `<dir>/<run-id>.json`, rewritten after every round. */
  dir: string;
  /** Aborting it stops the running cell and ends the run with what was measured, marked incomplete. */
  signal: AbortSignal;
  progress: (rounds: readonly PlannedRound[], estimateOf: RoundEstimate) => Progress;
  /** Recorded in the results' context: what reproduces the run. */
  commandLine: string[];
}

export function measureRun(prepared: PreparedRun, io: MeasureIo): Promise<{ result: RunResult; path: string }> {
  return executeRun(
    { ...prepared, commandLine: io.commandLine, resultsPath: (runId) => `${io.dir}/${runId}.json` },
    io.progress,
    io.signal,
  );
}
