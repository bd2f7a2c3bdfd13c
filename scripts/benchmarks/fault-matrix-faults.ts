/**
 * The faults of scripts/benchmarks/fault-matrix.ts: each a fixture suite (built, under
 * dist/test/fixtures/), the commands it makes sense under, and what containment looks like
 * for it. The reasons are the fault tests' (test/fault-*.test.ts), loosened to what must hold
 * on every runtime and command: the cause named in one line, not one host's exact wording.
 */
import { fileURLToPath } from 'node:url';
import { BASELINE_STRATEGY, strategyFacts } from '../../runners/contract/strategies.js';

export type Command = 'run' | 'http' | 'study' | 'ab';
export const COMMANDS: readonly Command[] = ['run', 'http', 'study', 'ab'];

/** One strategy's cell: errored with a reason matching the pattern, completed, or either (where the fault may be harmless to that host). */
export type CellExpectation = RegExp | 'completed' | { either: RegExp };

/** Where a case ran: what an expectation may depend on. */
export interface CaseKey {
  strategy: string;
  runtime: string;
  command: Command;
}

/** What the CLI printed and left, for a fault's own extra check. */
export interface Observed {
  stdout: string;
  stderr: string;
  /** Characters printed in all, of which stdout and stderr keep only a head. */
  printed: number;
  runId: string | undefined;
}

interface FaultBase {
  name: string;
  /** The fixture, relative to dist/test/fixtures/. */
  file: string;
  commands: readonly Command[];
  env?: Record<string, string>;
  /** More flags for every command it runs under. */
  args?: string[];
  /** A cell timeout of its own (seconds), where the fault is to hit it. */
  cellTimeoutS?: number;
  /** A problem the CLI's output shows beyond the cells (a forged line, escapes), or undefined. */
  check?: (observed: Observed) => string | undefined;
}

/** A suite that must run: each cell errors with its reason (or completes), the run goes on. */
export interface CellFault extends FaultBase {
  kind: 'cell';
  expect: (key: CaseKey) => CellExpectation;
}

/** A suite refused before anything runs: exit 2, one line naming the file and the problem, no results file. */
export interface RefusedFault extends FaultBase {
  kind: 'refused';
  line: RegExp;
}

export type Fault = CellFault | RefusedFault;

const ALL: readonly Command[] = COMMANDS;
const RUN_HTTP: readonly Command[] = ['run', 'http'];
const RUN_ONLY: readonly Command[] = ['run'];

// biome-ignore lint/suspicious/noControlCharactersInRegex: escapes reaching the terminal are the point
const ESCAPES = /[\u001b\u0007\u009b]/;

/** --json output that is the results and nothing the suite wrote. */
function jsonStdout(observed: Observed): string | undefined {
  if (/written by the suite/.test(observed.stdout)) return "the suite's import-time line reached the CLI's stdout";
  try {
    const printed = JSON.parse(observed.stdout) as { runId?: unknown; cells?: unknown };
    if (!('runId' in printed || 'cells' in printed))
      return `--json printed something else than bench's output: ${observed.stdout.slice(0, 80)}`;
    // bench ab --json prints its verdicts, which carry no runId.
    if (observed.runId !== undefined && 'runId' in printed && printed.runId !== observed.runId)
      return '--json printed another runId than the file';
  } catch {
    return `--json output does not parse: ${JSON.stringify(observed.stdout.slice(0, 80))}`;
  }
  return undefined;
}

const cell = (
  name: string,
  file: string,
  commands: readonly Command[],
  expect: (key: CaseKey) => CellExpectation,
  more: Partial<CellFault> = {},
): CellFault => ({
  kind: 'cell',
  name,
  file,
  commands,
  expect,
  ...more,
});
const refused = (name: string, file: string, line: RegExp, more: Partial<RefusedFault> = {}): RefusedFault => ({
  kind: 'refused',
  name,
  file,
  commands: ALL,
  line,
  ...more,
});
const always = (expectation: CellExpectation) => (): CellExpectation => expectation;

/**
 * Deno runs cells without --allow-run: a suite that spawns or signals a process is stopped by
 * Deno itself, which contains the fault as well, provided the reason says so.
 */
const DENO_DENIED = /NotCapable: Requires run access/;
const spawns = (key: CaseKey): CellExpectation => (key.runtime === 'deno' ? { either: DENO_DENIED } : 'completed');

/** Node's worker threads refuse process.chdir(), and Deno cells may not read where the suite moved: either stops the suite, named. */
const inThread = (strategy: string): boolean => strategyFacts(strategy)?.kind === 'thread';
const chdirs = (key: CaseKey): CellExpectation =>
  key.runtime === 'deno'
    ? { either: /Requires read access/ }
    : inThread(key.strategy)
      ? { either: /process\.chdir\(\) is not supported in workers/ }
      : 'completed';

/** http cells end when requests go unanswered: the reason must say so (timeouts), whatever the host. */
const HANG_HTTP = /tim(ed|e) ?out/i;

export const FAULTS: readonly Fault[] = [
  cell('run-throws', 'faults/run-throws.js', ALL, always(/run\(\) threw RangeError: fault-run-throws: run refused its input/)),
  cell('exit', 'faults/exit.js', ALL, always(/exited with code 7/)),
  // Not under http: bench http takes no --max-heap, and its default limit (up to 4 GiB a host) is more than this shared machine spares.
  cell('oom', 'faults/oom.js', ['run', 'study', 'ab'], always(/ran out of its \d+ MiB heap/), { cellTimeoutS: 30 }),
  cell('hang', 'hang-suite.js', ALL, (key) => (key.command === 'http' ? HANG_HTTP : /^timed out after \d/), { cellTimeoutS: 3 }),
  cell('uncarriable-function', 'faults/uncarriable-output.js', RUN_HTTP, always(/run\(\) returned a function: outputs must be/)),
  cell('uncarriable-symbol', 'faults/uncarriable-output.js', RUN_ONLY, always(/run\(\) returned a symbol: outputs must be/), {
    env: { BENCH_FAULT_OUTPUT: 'symbol' },
  }),
  cell('uncarriable-cycle', 'faults/uncarriable-output.js', RUN_ONLY, always(/run\(\) returned an object with a cycle at \.self/), {
    env: { BENCH_FAULT_OUTPUT: 'cycle' },
  }),
  cell('verify-throws', 'faults/verify-throws.js', RUN_HTTP, always(/verify\(\) threw TypeError: fault-verify-throws: cannot judge/)),
  cell('verify-truthy', 'faults/verify-truthy.js', RUN_HTTP, always(/verify\(\) returned 'yes' \(a string\)/)),
  cell('wrong-answer', 'wrong-suite.js', RUN_HTTP, always(/wrong output from wrong: verify\(\) rejected/)),
  cell('mutates-input', 'faults/mutates-input.js', RUN_ONLY, always(/run\(\) mutated its input/)),
  cell('nondeterministic-input', 'faults/nondeterministic-input.js', RUN_ONLY, always(/is not deterministic/)),
  cell('async-run', 'faults/async-run.js', RUN_HTTP, always(/run\(\) returned a Promise/)),
  cell(
    'make-input-throws',
    'faults/make-input-throws.js',
    ['run', 'http', 'study'],
    always(/threw Error: fault-make-input-throws: no input today/),
  ),
  // Under http even main-thread's server is a child process (process.send is set), where the fixture throws by design.
  cell('import-off-main', 'faults/import-throws-off-main.js', RUN_HTTP, (key) =>
    key.command === 'http' ? { either: /cannot load here/ } : key.strategy === BASELINE_STRATEGY ? 'completed' : /cannot load here/,
  ),
  cell('grandchild', 'faults/grandchild.js', ALL, spawns),
  cell('detached-no-env', 'faults/detached-no-env.js', ['run', 'http', 'study'], spawns),
  cell('kill-parent', 'faults/kill-parent.js', ALL, (key) =>
    key.runtime === 'deno' ? new RegExp(`SIGTERM.*process\\.ppid|${DENO_DENIED.source}`, 's') : /SIGTERM.*process\.ppid/s,
  ),
  cell('flood', 'faults/flood.js', RUN_HTTP, always('completed'), {
    check: (observed) => (observed.printed >= 1_000_000 ? `the CLI printed ${observed.printed} characters of the flood` : undefined),
  }),
  cell('escape-error', 'faults/escape-error.js', RUN_ONLY, always(/run\(\) threw Error: bad/), {
    check: (observed) => (ESCAPES.test(observed.stdout + observed.stderr) ? 'a control sequence reached the terminal' : undefined),
  }),
  cell('stdout-at-import', 'faults/stdout-at-import.js', ['run', 'http', 'study'], always('completed'), {
    args: ['--json'],
    check: jsonStdout,
  }),
  cell('json-replaced-at-import', 'faults/json-replaced-at-import.js', ALL, always({ either: /outcome is not valid/ }), {
    args: ['--json'],
    check: jsonStdout,
  }),
  // Every case runs with a relative --out and BENCH_TEST_CHDIR set: the target must stay empty.
  cell('chdir-at-import', 'faults/chdir-at-import.js', ['run', 'http', 'study'], chdirs),
  refused('exit-at-import', 'faults/exit-at-import.js', /^Error: suite \S+exit-at-import\.js ended the process loading it/),
  refused(
    'import-throws',
    'faults/import-throws.js',
    /^Error: suite \S+import-throws\.js could not be loaded: fault-import-throws: broken at load/,
  ),
  refused('missing-fields', 'faults/missing-fields.js', /^Error: suite \S+missing-fields\.js does not meet the contract/, {
    commands: RUN_ONLY,
  }),
  refused('bad-name-newline', 'faults/bad-name.js', /holds a line break or a format character/, {
    commands: RUN_ONLY,
    env: { BENCH_FAULT_NAME: 'newline' },
    check: (observed) =>
      /^results: \/etc\/passwd/m.test(`${observed.stdout}\n${observed.stderr}`) ? 'a forged line reached the terminal' : undefined,
  }),
  refused('bad-name-proto', 'faults/bad-name.js', /"__proto__" cannot be a key of the results file/, {
    commands: RUN_ONLY,
    env: { BENCH_FAULT_NAME: 'proto' },
  }),
];

export const fixturePath = (file: string): string => fileURLToPath(new URL(`../../test/fixtures/${file}`, import.meta.url));
