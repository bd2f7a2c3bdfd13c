/**
 * `bench ab`: a regression gate that survives noisy machines. Side A (an old suite file, a
 * git ref built in a temp worktree, or with --aa the head again) and side B (the head) run
 * in the same job, their rounds interleaved in a seeded random order, sampled until each
 * cell's paired B ÷ A ratios are decisive. Exit 0 no regression, 1 a regression, 2 bad
 * input, 3 a crash; a signal saves what was measured (marked incomplete) and exits 130/143.
 */
import type { Argv, CommandModule } from 'yargs';
import { renderAbMarkdown } from '../../../reports/terminal/ab-markdown.js';
import { summarizeAb } from '../../../reports/terminal/ab-summary.js';
import { renderAbTable } from '../../../reports/terminal/ab-table.js';
import { sideText } from '../../../reports/format/ab-text.js';
import { formatJson } from '../../../runners/common/format-json.js';
import { terminalSafe } from '../../../runners/common/terminal-safe.js';
import { writeFileAtomic } from '../../../runners/common/write-atomic.js';
import { createAbProgress } from '../../../runners/orchestrate/ab/ab-progress.js';
import { openSides } from '../../../runners/orchestrate/ab/open-sides.js';
import { executeAb } from '../../../runners/orchestrate/ab/run-ab.js';
import { AB_DEFAULTS, resolveAbOptions, type AbPlan, type RawAbOptions } from '../options/ab-options.js';
import { interruptedExit, trapInterrupts } from '../interrupt.js';
import { nothingMeasuredExit } from '../nothing-measured.js';
import { writableDir } from '../output-paths.js';
import { writeReportBeside } from '../report-beside.js';
import { checkPeersRun, DEFAULT_WORKER_NICE } from '../options/run-options.js';
import { resolveRuntimes, withCellHostFlags, type RawRuntimeOptions } from '../options/runtime-options.js';

interface AbArgs extends RawAbOptions, RawRuntimeOptions {
  json: boolean;
  out: string;
  report: boolean;
}

/** A regression fails the gate, as in `bench compare`. */
const REGRESSION_EXIT = 1;

const builder = (yargs: Argv) =>
  withCellHostFlags(yargs)
    .option('against', {
      type: 'string',
      requiresArg: true,
      describe: 'side A: an old version of the --suite file (same suite name and sizes)',
    })
    .option('base', {
      type: 'string',
      requiresArg: true,
      describe: "side A: a git ref of this checkout, checked out in a temp worktree and built (B: the working tree's build)",
    })
    .option('aa', { type: 'boolean', default: false, describe: 'side A is the head again: measure the noise and print the calibration' })
    .option('suite', {
      type: 'string',
      requiresArg: true,
      default: 'fib',
      describe: 'fib, sort, sha256, echo, all, a comma-separated list, or ./path/to/suite.js (with --against: one suite)',
    })
    .option('size', { type: 'number', requiresArg: true, describe: "the suite's size knob (default: the suite's defaultSize)" })
    .option('strategies', {
      type: 'string',
      requiresArg: true,
      describe: 'comma-separated subset of strategies (default: all; see `bench list`)',
    })
    .option('workers', {
      type: 'number',
      requiresArg: true,
      describe: 'threads or processes per strategy (default: os.availableParallelism())',
    })
    .option('threshold', {
      type: 'string',
      requiresArg: true,
      default: AB_DEFAULTS.threshold,
      describe: 'a change counts only beyond ± this percentage',
    })
    .option('alpha', {
      type: 'number',
      requiresArg: true,
      default: AB_DEFAULTS.alpha,
      describe: 'chance of a false "regressed" over the whole run, all looks included',
    })
    .option('max-rounds', {
      type: 'number',
      requiresArg: true,
      default: AB_DEFAULTS.maxRounds,
      describe: 'most pairs (one round of each side) per cell before it is called inconclusive',
    })
    .option('max-time', {
      type: 'string',
      requiresArg: true,
      describe: 'stop sampling after this long, e.g. 10m (undecided cells: inconclusive)',
    })
    .option('quick', { type: 'boolean', default: false, describe: 'shorter phases (250 ms)' })
    .option('phase-time', {
      type: 'number',
      requiresArg: true,
      describe: 'ms budget of each measured phase (default 1000; 250 with --quick)',
    })
    .option('cell-timeout', {
      type: 'number',
      requiresArg: true,
      default: 120,
      describe: 'seconds before a round is killed and marked errored',
    })
    .option('worker-nice', {
      type: 'number',
      requiresArg: true,
      default: DEFAULT_WORKER_NICE,
      describe: 'lower worker/child scheduling priority by this much (0-19)',
    })
    .option('in-flight-per-worker', {
      type: 'number',
      requiresArg: true,
      describe: "tasks each worker may hold at once (default: each strategy's own)",
    })
    .option('max-heap', {
      type: 'number',
      requiresArg: true,
      describe: 'heap limit (MiB) of the cell and of each worker and child (default: as for bench run)',
    })
    .option('seed', { type: 'number', requiresArg: true, default: 1, describe: "seed of the suites' inputs and of the ABBA/BAAB order" })
    .option('json', { type: 'boolean', default: false, describe: 'print the verdicts as JSON (without the rounds) instead of the table' })
    .option('markdown', {
      type: 'string',
      requiresArg: true,
      describe: 'also write a markdown summary (for $GITHUB_STEP_SUMMARY) to this file',
    })
    .option('out', {
      type: 'string',
      requiresArg: true,
      default: 'results',
      describe: 'directory for results files',
    }) as unknown as Argv<AbArgs>;

export const abCommand: CommandModule<object, AbArgs> = {
  command: 'ab',
  describe:
    'A/B gate: the head against an old suite file or a git ref, interleaved in one job, sampled until decisive; exit 1 on a regression',
  builder,
  handler: async (args) => {
    const log = (line: string): void => {
      process.stderr.write(`${terminalSafe(line)}\n`);
    };
    const plan = await resolveAbOptions(args);
    const runtimes = await resolveRuntimes(args, log);
    checkPeersRun(plan.config.strategies, runtimes);
    const outDir = writableDir('--out', args.out);

    // From here a signal stops the set-up or the running round; the worktree goes either way.
    const interrupts = trapInterrupts('round');
    const sides = await openSides(plan.suites, plan.sides, interrupts.signal, log).catch((error: unknown) => {
      interrupts.release();
      throw error;
    });
    let outcome: Awaited<ReturnType<typeof executeAb>>;
    try {
      const { settings } = plan;
      log(
        `bench ab: A = ${sideText(sides.info.a)} · B = ${sideText(sides.info.b)}; up to ${settings.maxPairs} pairs per cell in ABBA/BAAB blocks ` +
          `(seed ${settings.seed}), looks at ${settings.looks.join(', ')} pairs`,
      );
      outcome = await executeAb(
        {
          suites: plan.suites,
          config: { ...plan.config, runtimes: runtimes.map((t) => t.name) },
          runtimes,
          sides,
          settings,
          commandLine: process.argv.slice(2),
          resultsPath: (runId) => `${outDir}/${runId}.json`,
          ...(plan.config.inFlightPerWorker === undefined ? {} : { inFlightPerWorker: plan.config.inFlightPerWorker }),
          maxHeapMb: plan.config.maxHeapMb,
        },
        createAbProgress(settings.maxPairs),
        interrupts.signal,
      );
    } finally {
      // Before the handlers go: a Ctrl-C now still waits for the worktree to be removed.
      sides.base?.remove();
      interrupts.release();
    }
    const { result, path } = outcome;

    const regressed = result.ab.cells.some((cell) => cell.verdict === 'regressed');
    let exitCode: number;
    if (!result.complete) exitCode = interruptedExit(result.interruptedBy);
    else if (regressed) exitCode = REGRESSION_EXIT;
    else exitCode = nothingMeasuredExit(result, log) ?? 0;

    if (plan.markdown !== undefined) await writeFileAtomic(plan.markdown, renderAbMarkdown(result.ab));
    if (args.json) process.stdout.write(`${formatJson({ ...summarizeAb(result.ab), exitCode, results: path })}\n`);
    else process.stdout.write(`${renderAbTable(result.ab)}\n`);
    log(`results: ${path}${result.complete ? '' : ' (incomplete)'}`);
    if (args.report) await writeReportBeside(result, path);
    process.exitCode = exitCode;
  },
};
