/**
 * The fault matrix's one procedure: a faulty fixture suite and the healthy tiny suite, under
 * every built-in strategy, in one short CLI run (runFault, on runSuites: the set-up every
 * fault test shares). It returns what a test asserts on: the exit,
 * the results file (loaded through the same validation `bench report` uses), and every
 * process the run started that is still alive — found by a marker in the environment every
 * descendant inherits, so a helper that left the process group or session is counted too.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadResults } from '../../reports/load-results.js';
import { errorMessage } from '../../runners/common/error-message.js';
import { locateRuntime } from '../../runners/runtimes/locate.js';
import type { CellResult, RunResult } from '../../runners/contract/results.js';
import { CLI, fixture, startCli, tempDir, withoutRedos, type CliResult } from './cli.js';
import { waitUntil } from './wait.js';

export const BUILT_IN_STRATEGIES = [
  'main-thread',
  'worker-per-task',
  'worker-pool',
  'shared-memory',
  'process-per-task',
  'process-pool',
] as const;
const MARKER = 'BENCH_TEST_FAULT_RUN';

export interface FaultRun extends CliResult {
  run: RunResult;
  /** The faulty suite's cells, by strategy. */
  faulty: Map<string, CellResult>;
  /** The tiny suite's cells (when it ran beside the fault). */
  healthy: CellResult[];
  /** Processes carrying this run's marker still alive a few seconds after the CLI exited. */
  survivors: string[];
  /** The CLI's TMPDIR: the cells' scratch folders live here. */
  tmp: string;
}

/** Alive processes (not zombies) whose environment holds `needle`. */
export function processesMarked(needle: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(needle)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      found.push(`${entry} ${readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').slice(0, 400)}`);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

export function newMarker(): { variable: string; needle: string; env: Record<string, string> } {
  const value = randomBytes(6).toString('hex');
  return { variable: MARKER, needle: `${MARKER}=${value}`, env: { [MARKER]: value } };
}

export interface FaultOptions {
  cellTimeoutS?: number;
  /** Run the healthy tiny suite beside the fault (default true). */
  withHealthy?: boolean;
  extraArgs?: string[];
  env?: Record<string, string>;
  /** See SuitesOptions.deadlineMs. */
  deadlineMs?: number;
}

export interface SuitesOptions {
  strategies: readonly string[];
  /** --phase-time, ms (default 50). */
  phaseTimeMs?: number;
  /** More flags, none of those set here. */
  extraArgs?: string[];
  env?: Record<string, string>;
  /**
   * The CLI is killed after this long and the run rejects: for a fault that would keep the CLI
   * alive, so that it fails the test instead of stalling it. Without it, no limit.
   */
  deadlineMs?: number;
}

export interface SuitesRun extends CliResult {
  /** The run's --out, fresh: empty but for what this run wrote. */
  out: string;
  /** The CLI's TMPDIR, fresh: the cells' scratch folders live here. */
  tmp: string;
  /** In the environment of every process the run started (processesMarked, helperSleepOf). */
  marker: ReturnType<typeof newMarker>;
}

/**
 * The set-up every fault test shares: `bench run --rounds 1 --no-report` of `suites` (fixture
 * paths or built-in names, as --suite takes them) into a fresh --out, with a fresh TMPDIR and
 * a marker every process it starts inherits. The caller reads what it wrote from `out`.
 */
export async function runSuites(suites: readonly string[], options: SuitesOptions): Promise<SuitesRun> {
  const out = tempDir();
  const tmp = tempDir('bench-test-tmp-');
  const marker = newMarker();
  const { child, done } = startCli(
    [
      'run',
      '--suite',
      suites.join(','),
      '--strategies',
      options.strategies.join(','),
      '--rounds',
      '1',
      '--phase-time',
      String(options.phaseTimeMs ?? 50),
      '--no-report',
      '--out',
      out,
      ...(options.extraArgs ?? []),
    ],
    { ...marker.env, TMPDIR: tmp, ...options.env },
  );
  // A fault that keeps the CLI alive must fail the test, not stall it: killed, it rejects below.
  let overran = false;
  const deadline =
    options.deadlineMs === undefined
      ? undefined
      : setTimeout(() => {
          overran = true;
          child.kill('SIGKILL');
        }, options.deadlineMs);
  const result = await done;
  clearTimeout(deadline);
  if (overran) throw new Error(`bench run was still running after ${options.deadlineMs} ms; stderr: ${result.stderr.slice(-2000)}`);
  return { ...result, out, tmp, marker };
}

export function runFault(fault: string, options: FaultOptions = {}): Promise<FaultRun> {
  return runFaultOn(fault, BUILT_IN_STRATEGIES, options);
}

/** runFault under the strategies named (peers included): for a fault whose handling does not depend on the strategy. */
export async function runFaultOn(fault: string, strategies: readonly string[], options: FaultOptions = {}): Promise<FaultRun> {
  const suites = [fixture(fault), ...(options.withHealthy === false ? [] : [fixture('tiny-suite.js')])];
  const { out, tmp, marker, ...result } = await runSuites(suites, {
    strategies,
    phaseTimeMs: 40,
    extraArgs: ['--cell-timeout', String(options.cellTimeoutS ?? 30), ...(options.extraArgs ?? [])],
    env: options.env,
    deadlineMs: options.deadlineMs,
  });
  const files = readdirSync(out).filter((name) => name.endsWith('.json'));
  if (files.length !== 1) throw new Error(`expected one results file, found ${files.length}; stderr: ${result.stderr.slice(-2000)}`);
  const run = await loadResults(join(out, files[0]!));
  // Kills are asynchronous: give the last ones a moment, then report whoever is still there.
  await waitUntil(() => processesMarked(marker.needle).length === 0, "the run's processes to end", { timeoutMs: 5_000 }).catch(() => {});
  const survivors = processesMarked(marker.needle);
  const healthyName = 'tiny';
  return {
    ...result,
    run,
    faulty: new Map(run.cells.filter((cell) => cell.suite !== healthyName).map((cell) => [cell.strategy, cell])),
    healthy: run.cells.filter((cell) => cell.suite === healthyName),
    survivors,
    tmp,
  };
}

/** The error of an errored cell, or a line saying what it was instead (for assert messages). */
export function errorOf(cell: CellResult | undefined): string {
  if (cell === undefined) return '(no such cell)';
  return cell.status === 'errored' ? cell.error.message : `(${cell.status}, not errored)`;
}

/**
 * What every fault must leave: the run ended by itself and wrote a complete, valid results
 * file; each faulty cell is errored with the expected reason (or completed, where the fault
 * is harmless to that strategy); the healthy cells completed; no process and no scratch
 * folder is left.
 */
export function assertContained(result: FaultRun, expected: (strategy: string) => RegExp | 'completed', exitCode = 0): void {
  assertContainedOn(result, BUILT_IN_STRATEGIES, expected, exitCode);
}

/** assertContained for a run of runFaultOn: the faulty cells of `strategies`. */
export function assertContainedOn(
  result: FaultRun,
  strategies: readonly string[],
  expected: (strategy: string) => RegExp | 'completed',
  exitCode = 0,
): void {
  assert.equal(result.code, exitCode, result.stderr.slice(-3000));
  assert.equal(result.run.complete, true);
  for (const strategy of strategies) {
    const cell = result.faulty.get(strategy);
    const want = expected(strategy);
    if (want === 'completed') assert.equal(cell?.status, 'completed', `${strategy}: ${errorOf(cell)}`);
    else assert.match(errorOf(cell), want, strategy);
  }
  for (const cell of result.healthy) assert.equal(cell.status, 'completed', `tiny × ${cell.strategy}: ${errorOf(cell)}`);
  assert.deepEqual(result.survivors, [], 'no process the run started is left');
  assert.deepEqual(readdirSync(result.tmp), [], 'no scratch folder is left');
}

/** runCli from another working directory: for a run whose relative paths (--out) resolve there. */
export function runCliIn(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...withoutRedos(args)], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Why a test of `runtime` cannot run here (its binary is not installed), or undefined when it can. */
export function runtimeMissing(runtime: 'bun' | 'deno'): string | undefined {
  try {
    locateRuntime(runtime, {});
    return undefined;
  } catch (error) {
    return `${runtime} is not installed here: ${errorMessage(error)}`;
  }
}

/**
 * Alive processes (not zombies) whose command line holds `argument` as one of its words: for
 * helpers that cleared their environment, so no marker follows them.
 */
export function processesWithArgument(argument: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const words = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!words.includes(argument)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      found.push(`${entry} ${words.join(' ').slice(0, 400)}`);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** The sleep a fixture that clears its environment runs (faults/detached-no-env.ts): 300.<marker as a number> seconds. */
export const helperSleepOf = (marker: { env: Record<string, string> }): string =>
  `300.${Number.parseInt(Object.values(marker.env)[0] ?? '0', 16)}`;
