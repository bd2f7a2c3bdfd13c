/**
 * `bench study size`, `bench study workers` and `bench study payload`: an ordinary run that
 * sweeps sizes, worker counts or payload sizes, then the analysis (crossovers, scaling with
 * the USL, or each transport's cost) in a `study` block added to the same results file,
 * the answer in words, and the report. Ctrl-C keeps what was measured, marked incomplete,
 * and the analysis runs on that.
 */
import os from 'node:os';
import type { Argv, CommandModule } from 'yargs';
import { analyseStudy } from '../../../reports/decide/study/analyse.js';
import { analysePayload } from '../../../reports/decide/study/payload.js';
import { unbracketedCrossovers } from '../../../reports/decide/paired/stop-rule.js';
import { renderStudy } from '../../../reports/terminal/study-table.js';
import { renderPayloadStudy } from '../../../reports/terminal/payload-table.js';
import type { RunResult } from '../../../runners/contract/results.js';
import type { PayloadRunResult } from '../../../runners/contract/payload-study.js';
import { renderTable } from '../../../reports/terminal/table.js';
import type { StudyKind, StudyRunResult } from '../../../runners/contract/study.js';
import { formatJson } from '../../../runners/common/format-json.js';
import { writeJsonAtomic } from '../../../runners/common/write-atomic.js';
import { executeStudy } from '../../../runners/orchestrate/study/run-study.js';
import { interruptedExit, trapInterrupts } from '../interrupt.js';
import { writableDir } from '../output-paths.js';
import { writeReportBeside } from '../report-beside.js';
import { nothingMeasuredExit } from '../nothing-measured.js';
import { checkPeersRun, DEFAULT_OUT_DIR, sequentialLimits } from '../options/run-options.js';
import { CELL_HOST_FLAGS, flags, MEASURE_FLAGS, type ArgsOf, type HandlerArgs } from '../flags.js';
import { resolveRuntimes } from '../options/runtime-options.js';
import { resolveStudyOptions } from '../options/study-options.js';

/** The flags every study takes: `bench run`'s, but the suite and what the study sweeps. */
const STUDY_FLAGS = [...CELL_HOST_FLAGS, 'transport', 'rounds', 'disturbed-above', ...MEASURE_FLAGS] as const;

// A sweep study samples until its answer is settled when given --max-time (sequentialLimits).
const sizeOptions = (yargs: Argv) => yargs.options(flags(...STUDY_FLAGS, 'suite', 'sizes', 'workers', 'max-time', 'max-rounds'));
const workersOptions = (yargs: Argv) => yargs.options(flags(...STUDY_FLAGS, 'suite', 'size', 'workers-list', 'max-time', 'max-rounds'));
const payloadOptions = (yargs: Argv) => yargs.options(flags(...STUDY_FLAGS, 'suite', 'sizes'));

/** What a study's handler receives: the flags of one of the three. */
type StudyArgs = HandlerArgs<typeof sizeOptions> | HandlerArgs<typeof workersOptions> | HandlerArgs<typeof payloadOptions>;

async function runStudy(kind: StudyKind, args: StudyArgs): Promise<void> {
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const plan = await resolveStudyOptions(kind, { ...args, redoesDisturbed: true });
  const sequential = 'maxTime' in args ? sequentialLimits(args, plan.config.rounds, false) : undefined;
  const { sweep } = plan;
  const runtimes = await resolveRuntimes(args, log);
  checkPeersRun(plan.config.strategies, runtimes);
  const outDir = writableDir('--out', args.out ?? DEFAULT_OUT_DIR);
  for (const note of plan.notes) log(`note: ${note}`);
  const interrupts = trapInterrupts('cell');
  const { result, path } = await executeStudy(
    {
      kind,
      cores: os.availableParallelism(),
      log,
      run: {
        suites: plan.suites,
        config: { ...plan.config, runtimes: runtimes.map((t) => t.name), ...sequential },
        runtimes,
        commandLine: process.argv.slice(2),
        resultsPath: (runId) => `${outDir}/${runId}.json`,
        ...('workersList' in plan && plan.workersList ? { workersList: plan.workersList } : {}),
        ...(plan.kind === 'payload' ? { payloadFigures: true } : {}),
        // A size study is settled when each crossover is bracketed; a workers study, as bench run, per point.
        ...(sweep.kind === 'size' ? { unsettled: (sofar: RunResult) => unbracketedCrossovers(sofar, sweep) } : {}),
      },
    },
    interrupts.signal,
  );
  interrupts.release();

  // The same file, now with its analysis: an interrupted study is analysed on what it measured.
  const block = plan.sweep.kind === 'payload' ? analysePayload(result, plan.sweep) : analyseStudy(result, plan.sweep);
  const studied: StudyRunResult | PayloadRunResult = { ...result, study: block } as StudyRunResult | PayloadRunResult;
  writeJsonAtomic(path, studied);
  if (args.json) process.stdout.write(`${formatJson(studied)}\n`);
  else {
    const analysis = block.kind === 'payload' ? renderPayloadStudy(block) : renderStudy(block);
    process.stdout.write(`${renderTable(result)}\n\n${analysis}\n`);
  }
  log(`results: ${path}${result.complete ? '' : ' (incomplete)'}`);
  if (args.report) await writeReportBeside(studied as RunResult, path);
  if (!result.complete) process.exitCode = interruptedExit(result.interruptedBy);
  else process.exitCode = nothingMeasuredExit(result, log) ?? process.exitCode;
}

const sizeStudy: CommandModule<object, ArgsOf<typeof sizeOptions>> = {
  command: 'size',
  describe: 'sweep task sizes: from what size on does each strategy beat main-thread (its crossover)',
  builder: sizeOptions,
  handler: (args) => runStudy('size', args),
};

const workersStudy: CommandModule<object, ArgsOf<typeof workersOptions>> = {
  command: 'workers',
  describe: 'sweep worker counts: how far each strategy scales (speedup, efficiency, USL fit)',
  builder: workersOptions,
  handler: (args) => runStudy('workers', args),
};

const payloadStudy: CommandModule<object, ArgsOf<typeof payloadOptions>> = {
  command: 'payload',
  describe:
    "sweep payload sizes (the echo suite, 1 KiB … 64 MiB, or --suite yours) over every transport: round trip, MB/s and the transport's share of one task",
  builder: payloadOptions,
  handler: (args) => runStudy('payload', args),
};

export const studyCommand: CommandModule = {
  command: 'study',
  describe: 'a run that sweeps sizes (crossovers), worker counts (scaling) or payload sizes (transports), with the analysis in its results',
  builder: (yargs: Argv) =>
    yargs
      .command(sizeStudy)
      .command(workersStudy)
      .command(payloadStudy)
      .demandCommand(1, 'choose a study: `bench study size`, `bench study workers` or `bench study payload`'),
  handler: () => {},
};
