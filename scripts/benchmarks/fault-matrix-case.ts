/**
 * One run of scripts/benchmarks/fault-matrix.ts: the built CLI on one fault, under one command
 * and runtime and one or more strategies, in a scratch folder of its own, and the verdict on
 * each strategy's case. Every process the run starts is found by a marker in its environment
 * (BENCH_TEST_FAULT_RUN, which the fixtures read too); a helper that cleared its environment
 * (faults/detached-no-env.ts) by the sleep argument derived from the marker.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadResults } from '../../reports/load-results.js';
import { errorMessage } from '../../runners/common/error-message.js';
import { readOrEmpty } from '../../runners/common/process-tree.js';
import type { CellResult, RunResult } from '../../runners/contract/results.js';
import { commOf, livingProcesses } from '../../runners/orchestrate/proc-stat.js';
import { type CellExpectation, type Command, type Fault, fixturePath } from './fault-matrix-faults.js';

const CLI = fileURLToPath(new URL('../cli/bench.js', import.meta.url));
const MARKER = 'BENCH_TEST_FAULT_RUN';
/** The head of stdout and stderr kept for checks: a flood must not fill this process. */
const KEEP_CHARS = 2_000_000;
const PAGE_BYTES = 4096;

export interface MatrixSettings {
  cellTimeoutS: number;
  maxHeapMiB: number;
  /** RSS (MiB) of a run's processes together past which the matrix kills them: the machine is shared. */
  rssLimitMiB: number;
  /** Passed to every command as it is. */
  extra: string[];
}

export interface GroupSpec {
  fault: Fault;
  command: Command;
  runtime: string;
  strategies: string[];
}

export interface CaseRecord {
  fault: string;
  strategy: string;
  runtime: string;
  command: Command;
  outcome: 'survived' | 'failed' | 'n/a';
  how: string;
  exitCode: number | null;
  wallS: number;
  peakRssMiB: number;
  args: string[];
  /** The end of the CLI's stderr, for a failed case's full story. */
  stderrTail: string;
}

interface ProcessSeen {
  pid: number;
  comm: string;
  rssMiB: number;
}

/** Alive processes carrying the marker in their environment, or the helper's sleep argument on their command line. */
export function markedProcesses(needle: string, helperArgument: string): ProcessSeen[] {
  return livingProcesses().flatMap(({ pid }) => {
    if (pid === process.pid) return [];
    const marked =
      readOrEmpty(`/proc/${pid}/environ`).split('\0').includes(needle) ||
      readOrEmpty(`/proc/${pid}/cmdline`).split('\0').includes(helperArgument);
    if (!marked) return [];
    const pages = Number(readOrEmpty(`/proc/${pid}/statm`).split(' ')[1] ?? 0);
    return [{ pid, comm: commOf(pid), rssMiB: (pages * PAGE_BYTES) / 2 ** 20 }];
  });
}

const killAll = (found: ProcessSeen[]): void => {
  for (const { pid } of found) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function commandArgs(spec: GroupSpec, settings: MatrixSettings): string[] {
  const { fault, command } = spec;
  const timeout = String(fault.cellTimeoutS ?? settings.cellTimeoutS);
  const suite = ['--suite', fixturePath(fault.file), '--strategies', spec.strategies.join(',')];
  const common = ['--cell-timeout', timeout, '--no-report', '--out', 'out', ...(fault.args ?? []), ...settings.extra];
  const heap = ['--max-heap', String(settings.maxHeapMiB)];
  // A round redone for other programs' load (the machine is shared) would only lengthen the matrix.
  const calm = ['--disturbed-above', '100%'];
  switch (command) {
    case 'run':
      return ['run', ...suite, '--runtime', spec.runtime, '--rounds', '1', '--phase-time', '50', ...calm, ...heap, ...common];
    case 'http':
      return ['http', ...suite, '--workers', '2', '--duration', '0.3', '--warmup', '0', '--connections', '2', '--timeout', '2', ...common];
    case 'study':
      return [
        'study',
        'size',
        ...suite,
        '--runtime',
        spec.runtime,
        '--sizes',
        '1,2',
        '--rounds',
        '1',
        '--phase-time',
        '50',
        ...calm,
        ...heap,
        ...common,
      ];
    case 'ab':
      return ['ab', '--aa', ...suite, '--runtime', spec.runtime, '--phase-time', '50', '--max-rounds', '8', ...heap, ...common];
  }
}

/** The longest a run may take before the matrix calls it hung: every cell at its timeout, rounds and sides counted, plus start-up. */
function boundS(spec: GroupSpec, settings: MatrixSettings): number {
  const timeout = spec.fault.cellTimeoutS ?? settings.cellTimeoutS;
  const cellsPerStrategy = { run: 1, http: 1, study: 3, ab: 16 }[spec.command];
  return 90 + spec.strategies.length * cellsPerStrategy * Math.min(timeout + 10, spec.command === 'ab' ? 15 : Number.POSITIVE_INFINITY);
}

interface RunOutput {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  printed: number;
  wallS: number;
  peakRssMiB: number;
  killedFor?: string;
  leftovers: ProcessSeen[];
}

async function runCli(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  needle: string,
  helper: string,
  bound: number,
  rssLimitMiB: number,
): Promise<RunOutput> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '', printed: 0 };
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream].setEncoding('utf8').on('data', (chunk: string) => {
      output.printed += chunk.length;
      if (output[stream].length < KEEP_CHARS) output[stream] += chunk;
    });
  }
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  let done: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void closed.then((value) => {
    done = value;
  });
  let peakRssMiB = 0;
  let killedFor: string | undefined;
  // Sample the run's processes twice a second: their memory together, and the bound.
  while (done === undefined) {
    await Promise.race([closed, sleep(500)]);
    if (done !== undefined) break;
    const found = markedProcesses(needle, helper);
    const rss = found.reduce((sum, seen) => sum + seen.rssMiB, 0);
    peakRssMiB = Math.max(peakRssMiB, rss);
    const elapsedS = (performance.now() - startedAt) / 1000;
    if (rss > rssLimitMiB)
      killedFor = `memory: its processes reached ${Math.round(rss)} MiB RSS together; the matrix killed them at ${rssLimitMiB} MiB`;
    else if (elapsedS > bound) killedFor = `hang: still running after ${Math.round(elapsedS)} s; the matrix killed it`;
    if (killedFor !== undefined) {
      child.kill('SIGKILL');
      killAll(found);
      await closed;
    }
  }
  const wallS = (performance.now() - startedAt) / 1000;
  // Kills are asynchronous: give the last ones a moment, then name whoever is still there.
  let leftovers = markedProcesses(needle, helper);
  for (let waited = 0; leftovers.length > 0 && waited < 5000; waited += 250) {
    await sleep(250);
    leftovers = markedProcesses(needle, helper);
  }
  killAll(leftovers);
  return { ...output, ...(done ?? { code: null, signal: null }), wallS, peakRssMiB, leftovers, ...(killedFor ? { killedFor } : {}) };
}

const oneLine = (text: string, max = 140): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

const describeLeftovers = (found: ProcessSeen[]): string => {
  const byComm = new Map<string, number>();
  for (const { comm } of found) byComm.set(comm, (byComm.get(comm) ?? 0) + 1);
  return `left ${found.length} process${found.length === 1 ? '' : 'es'} running (${[...byComm].map(([comm, n]) => `${n} ${comm}`).join(', ')})`;
};

/** Skipped because the runtime or strategy cannot run it: not a failure of containment. */
const NOT_APPLICABLE = /does not run|cannot run|not support|unsupported|needs|lacks|not available|missing/i;

/** A runtime's coloured error output copied into a reason: unreadable once made inert for the terminal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape is the point
const COLOUR = /\u001b\[[0-9;]*m/;

/** The verdict on one strategy's cells (a study has one per size), or the problem with them. */
function judgeCells(cells: CellResult[], expected: CellExpectation): { outcome: CaseRecord['outcome']; how: string } {
  if (cells.length === 0) return { outcome: 'failed', how: 'no cell in the results file' };
  if (cells.every((c) => c.status === 'skipped' && NOT_APPLICABLE.test(c.reason)))
    return { outcome: 'n/a', how: `skipped: ${oneLine(cells[0]?.status === 'skipped' ? cells[0].reason : '')}` };
  const pattern = expected instanceof RegExp ? expected : expected === 'completed' ? undefined : expected.either;
  for (const c of cells) {
    if (c.status === 'skipped') return { outcome: 'failed', how: `skipped: ${oneLine(c.reason)}` };
    if (c.status === 'completed') {
      if (expected instanceof RegExp) return { outcome: 'failed', how: 'completed: the fault went unnoticed' };
      continue;
    }
    const message = c.error.message;
    if (pattern === undefined) return { outcome: 'failed', how: `errored: ${oneLine(message)}` };
    if (message.includes('\n')) return { outcome: 'failed', how: `reason spans ${message.split('\n').length} lines: ${oneLine(message)}` };
    if (COLOUR.test(message)) return { outcome: 'failed', how: `reason holds terminal colour codes: ${oneLine(message)}` };
    if (!pattern.test(message)) return { outcome: 'failed', how: `reason missing the cause: ${oneLine(message)}` };
  }
  const errored = cells.find((c) => c.status === 'errored');
  return { outcome: 'survived', how: errored?.status === 'errored' ? `errored: ${oneLine(errored.error.message)}` : 'completed' };
}

async function resultsIn(out: string): Promise<{ run?: RunResult; problem?: string; files: number }> {
  let names: string[];
  try {
    names = readdirSync(out).filter((name) => name.endsWith('.json'));
  } catch {
    return { files: 0 };
  }
  if (names.length !== 1) return { files: names.length, problem: names.length === 0 ? 'no results file' : `${names.length} results files` };
  try {
    const run = await loadResults(join(out, names[0]!));
    return { files: 1, run, ...(run.complete ? {} : { problem: 'results file marked incomplete' }) };
  } catch (error) {
    return { files: 1, problem: `results file refused: ${oneLine(errorMessage(error))}` };
  }
}

/** Runs the group and returns one record per strategy. */
export async function runGroup(spec: GroupSpec, settings: MatrixSettings): Promise<CaseRecord[]> {
  const { fault, command, runtime } = spec;
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-fault-matrix-'));
  const [cwd, tmp, elsewhere] = ['cwd', 'tmp', 'elsewhere'].map((name) => join(dir, name)) as [string, string, string];
  for (const path of [cwd, tmp, elsewhere]) mkdirSync(path);
  const marker = randomBytes(6).toString('hex');
  const helper = `300.${Number.parseInt(marker, 16)}`;
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', [MARKER]: marker, TMPDIR: tmp, BENCH_TEST_CHDIR: elsewhere, ...fault.env };
  // It adds ~95 ms to every Node start (DESIGN.md), and the matrix starts thousands.
  delete env.NODE_EXTRA_CA_CERTS;
  const args = commandArgs(spec, settings);
  const ran = await runCli(args, cwd, env, `${MARKER}=${marker}`, helper, boundS(spec, settings), settings.rssLimitMiB);
  const results = await resultsIn(join(cwd, 'out'));

  // Problems of the run as a whole: every strategy's case shares them.
  const shared: string[] = [];
  if (ran.killedFor) shared.push(ran.killedFor);
  else if (ran.signal) shared.push(`CLI killed by ${ran.signal}`);
  if (ran.leftovers.length > 0) shared.push(describeLeftovers(ran.leftovers));
  const scratch = readdirSync(tmp);
  if (scratch.length > 0)
    shared.push(`left ${scratch.length} scratch entr${scratch.length === 1 ? 'y' : 'ies'} in TMPDIR (${oneLine(scratch.join(' '), 60)})`);
  if (readdirSync(elsewhere).length > 0) shared.push("wrote into the suite's chdir target instead of --out");
  const extra = fault.check?.({ stdout: ran.stdout, stderr: ran.stderr, printed: ran.printed, runId: results.run?.runId });
  if (extra !== undefined) shared.push(extra);
  const stderrLines = ran.stderr.trim().split('\n');

  let perStrategy: (strategy: string) => { outcome: CaseRecord['outcome']; how: string };
  if (fault.kind === 'refused') {
    if (ran.code !== 2 && !ran.killedFor) shared.push(`exit ${ran.code} (expected 2: the suite cannot load)`);
    if (results.files > 0) shared.push('wrote a results file for a suite it refused');
    if (stderrLines.length !== 1) shared.push(`stderr has ${stderrLines.length} lines, not one`);
    if (!fault.line.test(stderrLines[0] ?? '')) shared.push(`refusal does not name the file and problem: ${oneLine(stderrLines[0] ?? '')}`);
    perStrategy = () => ({ outcome: 'survived', how: `refused (exit 2): ${oneLine(stderrLines[0] ?? '')}` });
  } else {
    const run = results.run;
    if (results.problem) shared.push(results.problem);
    const completed = run?.cells.some((c) => c.status === 'completed') ?? false;
    const allowed = completed ? (command === 'ab' ? [0, 1] : [0]) : [4];
    if (!ran.killedFor && !allowed.includes(ran.code ?? -1))
      shared.push(
        `exit ${ran.code} (expected ${allowed.join(' or ')})${ran.code === 2 || ran.code === 3 || ran.code === 1 ? `: ${oneLine(stderrLines.at(-1) ?? '', 400)}` : ''}`,
      );
    perStrategy = (strategy) =>
      run === undefined
        ? { outcome: 'failed', how: 'no results to judge' }
        : judgeCells(
            run.cells.filter((c) => c.strategy === strategy),
            fault.expect({ strategy, runtime, command }),
          );
  }
  rmSync(dir, { recursive: true, force: true });
  const strategies = fault.kind === 'refused' ? ['*'] : spec.strategies;
  return strategies.map((strategy) => {
    const own = perStrategy(strategy);
    const failed = shared.length > 0 || own.outcome === 'failed';
    const how = shared.length > 0 ? [...shared, ...(own.outcome === 'failed' ? [own.how] : [])].join('; ') : own.how;
    return {
      fault: fault.name,
      strategy,
      runtime,
      command,
      outcome: failed ? 'failed' : own.outcome,
      how,
      exitCode: ran.code,
      wallS: Math.round(ran.wallS * 10) / 10,
      peakRssMiB: Math.round(ran.peakRssMiB),
      args,
      stderrTail: failed ? ran.stderr.slice(-2000) : '',
    };
  });
}
