/**
 * Every flag of the CLI, declared once: name, type, default, help. A command takes the
 * flags it offers by name (`flags('suite', 'size', …)`) and yargs infers the handler's
 * argument types from these declarations, so no command writes a flag or its type again.
 *
 * A flag means the same in every command that offers it, and its help says so once. Where
 * commands need different defaults (--worker-nice is 5 under `bench http`, --threshold 5 %
 * in `bench ab` and 10 % in `bench compare`), the declaration has no yargs default: the help
 * names each command's, and the command's options resolver applies it. Values are checked
 * by the parsers in parse/values.ts, with the flag's name and the fix in each message.
 */
import type { ArgumentsCamelCase, Argv, Options } from 'yargs';
import type { CellSpec } from '../../runners/contract/protocol.js';
import type { RunConfig } from '../../runners/contract/results.js';

export const FLAGS = {
  // What to measure.
  suite: {
    type: 'string',
    requiresArg: true,
    describe:
      "fib, sort, sha256, echo, all, a comma-separated list, or ./path/to/suite.js (default fib; bench http and bench ab --against: one suite; bench study payload: one suite whose size scales its payload, default echo; bench compare --auto-rerun: the run's own, read from its file)",
  },
  size: {
    type: 'string',
    requiresArg: true,
    describe: "the suite's size knob, k/m/g suffixes ×1024 allowed (64k, 1m) (default: the suite's defaultSize)",
  },
  sizes: {
    type: 'string',
    requiresArg: true,
    describe:
      "ascending comma-separated sizes, k/m/g suffixes ×1024 allowed (default: the suite's `sizes`; bench study payload: bytes, 1k,4k,…,64m)",
  },
  strategies: {
    type: 'string',
    requiresArg: true,
    describe:
      "comma-separated subset of strategies (default: the command's own set, see `bench list`); studies always add main-thread, the baseline",
  },
  transport: {
    type: 'string',
    requiresArg: true,
    describe:
      "how payloads travel, comma-separated: clone, transfer (worker strategies), shared-memory, json, advanced (process strategies); each strategy runs those it can use (default: each one's own, see `bench list`; bench study payload: all)",
  },
  workers: {
    type: 'number',
    requiresArg: true,
    describe: 'threads or processes per strategy: worker threads, child or cluster processes (default: os.availableParallelism())',
  },
  'workers-list': {
    type: 'string',
    requiresArg: true,
    describe:
      'ascending comma-separated worker counts from 1 (bench study workers, default 1 … 2 × cores; bench http: each pool strategy at each count)',
  },
  rounds: {
    type: 'number',
    requiresArg: true,
    describe:
      'fresh-process rounds per cell (default 6; 2 with --quick); bench run then adds blocks until its answer is settled, unless --rounds is given without --max-time',
  },
  'disturbed-above': {
    type: 'string',
    requiresArg: true,
    describe:
      'a round whose interference (share of its CPU time other programs took) passes this is kept aside and measured again, e.g. 5% (default; 100% never)',
  },
  quick: {
    type: 'boolean',
    default: false,
    describe: 'a fast pass: 250 ms phases, and 2 rounds where the command runs a fixed number (run, study)',
  },
  'phase-time': { type: 'number', requiresArg: true, describe: 'ms budget of each measured phase (default 400; 250 with --quick)' },
  'cell-timeout': {
    type: 'number',
    requiresArg: true,
    describe: 'seconds before a cell round is killed and marked errored (default 120; bench http: warm-up + duration + 60 per strategy)',
  },
  'worker-nice': {
    type: 'number',
    requiresArg: true,
    describe:
      "lower the workers' and children's scheduling priority by this much (0-19), so the dispatching thread stays responsive (default 0; bench http: 5)",
  },
  'in-flight-per-worker': {
    type: 'number',
    requiresArg: true,
    describe: "tasks each worker may hold at once (default: each strategy's own; peers: their library's knob)",
  },
  'max-heap': {
    type: 'number',
    requiresArg: true,
    describe:
      'heap limit (MiB) of the cell and of each worker and child; a suite past it errors its cell (default: half an equal share of memory, 256-4096)',
  },
  seed: { type: 'number', requiresArg: true, default: 1, describe: "seed of the suites' inputs (bench ab: and of its ABBA/BAAB order)" },
  phases: {
    type: 'boolean',
    default: false,
    describe: 'split each task into spawn, queue, send, run and return (per-task timestamps; off by default)',
  },

  // Which runtimes host the cells.
  runtime: {
    type: 'string',
    requiresArg: true,
    default: 'node',
    describe: 'runtimes that host the cells: node, bun, deno (comma-separated)',
  },
  'bun-smol': { type: 'boolean', default: false, describe: "also run bun with --smol and smol workers, as runtime 'bun-smol'" },
  bun: { type: 'string', requiresArg: true, describe: 'path of the bun binary (default: node_modules/.bin, then PATH)' },
  deno: { type: 'string', requiresArg: true, describe: 'path of the deno binary (default: node_modules/.bin, then PATH)' },
  'keep-going': {
    type: 'boolean',
    default: false,
    describe:
      'go on past what is missing: with several runtimes, skip the cells of a missing one; bench report: render the files that can be read, exit 2 at the end',
  },

  // Where the results go, and in what form.
  json: {
    type: 'boolean',
    default: false,
    describe:
      'print JSON on stdout instead of the table: run, study, http the results; ab its verdicts without the rounds; compare the comparison; runtimes the probes',
  },
  out: {
    type: 'string',
    requiresArg: true,
    describe: 'where results go: a directory for run, study, ab and http (default results); the merged file for bench merge (required)',
  },
  report: {
    type: 'boolean',
    default: true,
    describe: 'also write <run-id>.html and PNG charts in <run-id>/ (--no-report: JSON only)',
  },
  markdown: {
    type: 'string',
    requiresArg: true,
    describe: 'also write a markdown summary (for $GITHUB_STEP_SUMMARY) to this file',
  },
  html: {
    type: 'string',
    requiresArg: true,
    describe: 'HTML report path [default: beside the first file, <run-id>.html; several files: <a>-vs-<b>.html]; --no-html: none',
  },
  png: {
    type: 'string',
    requiresArg: true,
    describe: 'directory for the PNG charts [default: beside the first file, <run-id>/; several files: <a>-vs-<b>/]; --no-png: none',
  },
  history: {
    type: 'string',
    requiresArg: true,
    describe: 'history file (bench history append): adds a trend chart per suite to the HTML report',
  },

  // The regression gates: bench compare and bench ab.
  against: {
    type: 'string',
    requiresArg: true,
    describe: 'side A: an old version of the --suite file (same suite name and sizes)',
  },
  base: {
    type: 'string',
    requiresArg: true,
    describe:
      'side A: a git ref of the repository you are in, checked out in a temp worktree and built (B: the working tree); in your own repository both sides run your code with the installed bench',
  },
  build: {
    type: 'string',
    describe:
      "with --base: the shell command that builds the base's worktree (default: in bench's own checkout npm run build, in your repository npm run build --if-present; --no-build or '': none)",
  },
  aa: { type: 'boolean', default: false, describe: 'side A is the head again: measure the noise and print the calibration' },
  threshold: {
    type: 'string',
    requiresArg: true,
    describe: 'a change counts only beyond ± this percentage (default: bench compare 10%, bench ab 5%)',
  },
  alpha: {
    type: 'number',
    requiresArg: true,
    default: 0.05,
    describe:
      'false-alarm rate: bench compare, the Mann–Whitney significance level over rounds; bench ab, the chance of a false "regressed" over the whole run, all looks included',
  },
  'max-rounds': {
    type: 'number',
    requiresArg: true,
    default: 30,
    describe:
      'most rounds before an undecided answer is called so: bench run, blocks (one round of every strategy); bench ab, pairs (one round of each side) per cell',
  },
  'max-time': {
    type: 'string',
    requiresArg: true,
    describe: 'stop adding rounds after this long, e.g. 10m (default: bench run 3m; bench ab none): what is undecided then is called so',
  },
  normalize: {
    type: 'boolean',
    default: false,
    describe: "compare each strategy's speedup over main-thread within its own run (runs from different machines)",
  },
  strict: { type: 'boolean', default: false, describe: 'exit 1 on inconclusive cells too' },
  'auto-rerun': {
    type: 'number',
    requiresArg: true,
    default: 0,
    describe: 'before failing, re-run only the regressed cells for this many fresh rounds to confirm or clear them',
  },
  'rerun-out': {
    type: 'string',
    requiresArg: true,
    describe: "with --auto-rerun: directory for the re-run's results file (default: beside <current>)",
  },

  // bench http's load.
  connections: { alias: 'c', type: 'number', requiresArg: true, default: 10, describe: 'concurrent connections of the load generator' },
  duration: { alias: 'd', type: 'number', requiresArg: true, default: 10, describe: 'seconds of measured load per strategy' },
  amount: { type: 'number', requiresArg: true, describe: 'measure this many requests instead of a duration' },
  pipelining: {
    type: 'number',
    requiresArg: true,
    default: 1,
    describe: 'requests in flight per connection (HTTP/1.1 pipelining)',
  },
  warmup: {
    type: 'number',
    requiresArg: true,
    default: 1,
    describe: 'seconds of untimed load before the measured window (0: none)',
  },
  'health-probe': {
    alias: 'mixed',
    type: 'boolean',
    default: true,
    describe: 'probe GET /health during the load (--no-health-probe to skip)',
  },
  'health-interval': { type: 'number', requiresArg: true, default: 10, describe: 'ms between two /health probes' },
  'max-queue': {
    type: 'number',
    requiresArg: true,
    default: 1024,
    describe: 'requests that may wait beyond the running ones; past it the server answers 503',
  },
  'max-request-size': {
    type: 'number',
    requiresArg: true,
    describe: 'the largest ?size= a request may ask for; larger ones get 400 (default: --size)',
  },
  timeout: {
    type: 'number',
    requiresArg: true,
    default: 10,
    describe: 'seconds before an unanswered request counts as a timeout',
  },

  // Where the bookkeeping commands keep their files.
  dir: {
    type: 'string',
    requiresArg: true,
    describe:
      'a directory: bench baseline, where the baselines live (default results/baseline); bench init, the project to start in (default: the current one)',
  },
  file: { type: 'string', requiresArg: true, default: 'results/history.jsonl', describe: 'the history file (JSON lines)' },
} as const satisfies Record<string, Options>;

export type FlagName = keyof typeof FLAGS;

/** The declarations of `names`, for `yargs.options(…)`: the handler's types follow from them. */
export function flags<Name extends FlagName>(...names: Name[]): Pick<typeof FLAGS, Name> {
  return Object.fromEntries(names.map((name) => [name, FLAGS[name]])) as Pick<typeof FLAGS, Name>;
}

/** What a builder parses (`typeof builder`): the handler's argument types; yargs adds the camelCase keys. */
export type ArgsOf<Builder> = Builder extends (yargs: Argv) => Argv<infer Parsed> ? Parsed : never;

/** What a command's handler receives from `builder`: the parsed flags under their camelCase names too. */
export type HandlerArgs<Builder> = ArgumentsCamelCase<ArgsOf<Builder>>;

/** The flags of every command that starts cells: which runtimes host them, and the report. */
export const CELL_HOST_FLAGS = ['runtime', 'bun-smol', 'bun', 'deno', 'keep-going', 'phases', 'report'] as const;

/** How each cell measures: the flags `bench run`, the studies and `bench ab` share. */
export const MEASURE_FLAGS = [
  'strategies',
  'phase-time',
  'quick',
  'cell-timeout',
  'worker-nice',
  'in-flight-per-worker',
  'max-heap',
  'seed',
  'json',
  'out',
] as const;

/**
 * Where each measuring flag lands: the field of the results file's `config` it sets and the
 * field of the cell spec (runners/contract/protocol.ts) a cell receives it in. The
 * flag-consistency test sets each flag and finds it in both, so a flag that is accepted but
 * never reaches the cell (as `bench ab --phases` once was) fails a test.
 */
export const REACHES = {
  size: { config: 'sizes', spec: 'size' },
  strategies: { config: 'strategies', spec: 'strategy' },
  transport: { config: 'transports', spec: 'transport' },
  workers: { config: 'workers', spec: 'workers' },
  'phase-time': { config: 'phaseMs', spec: 'phaseMs' },
  'cell-timeout': { config: 'cellTimeoutMs' },
  'worker-nice': { config: 'workerNice', spec: 'workerNice' },
  'in-flight-per-worker': { config: 'inFlightPerWorker', spec: 'inFlightPerWorker' },
  'max-heap': { config: 'maxHeapMb', spec: 'thread' },
  seed: { config: 'seed', spec: 'seed' },
  phases: { config: 'phases', spec: 'phases' },
  rounds: { config: 'rounds' },
  'disturbed-above': { config: 'disturbedAbove' },
} as const satisfies Partial<Record<FlagName, { config?: keyof RunConfig; spec?: keyof CellSpec }>>;
