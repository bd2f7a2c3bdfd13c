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
import { noticeLeftovers } from '../../../runners/orchestrate/run-leftovers.js';
import { resolveAbOptions } from '../options/ab-options.js';
import { CELL_HOST_FLAGS, flags, MEASURE_FLAGS, type ArgsOf } from '../flags.js';
import { interruptedExit, trapInterrupts } from '../interrupt.js';
import { nothingMeasuredExit } from '../nothing-measured.js';
import { writableDir } from '../output-paths.js';
import { writeReportBeside } from '../report-beside.js';
import { checkPeersRun, DEFAULT_OUT_DIR } from '../options/run-options.js';
import { resolveRuntimes } from '../options/runtime-options.js';

/** A regression fails the gate, as in `bench compare`. */
const REGRESSION_EXIT = 1;

const builder = (yargs: Argv) =>
  yargs.options(
    flags(
      ...CELL_HOST_FLAGS,
      'against',
      'base',
      'build',
      'aa',
      'suite',
      'size',
      'transport',
      'workers',
      'threshold',
      'alpha',
      'max-rounds',
      'max-time',
      ...MEASURE_FLAGS,
      'markdown',
    ),
  );

export const abCommand: CommandModule<object, ArgsOf<typeof builder>> = {
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
    const outDir = writableDir('--out', args.out ?? DEFAULT_OUT_DIR);
    // Before the base is built: a killed run's build still running would share the CPU with
    // this one's, and its scratch folders (base worktree, cells) go. The journal looks again.
    const leftovers = noticeLeftovers(outDir);
    if (leftovers !== undefined) log(leftovers);

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
        `bench ab: A = ${sideText(sides.info.a)} · B = ${sideText(sides.info.b)}; ${sides.plan === undefined ? '' : `${sides.plan}; `}up to ${settings.maxPairs} pairs per cell in ABBA/BAAB blocks ` +
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
