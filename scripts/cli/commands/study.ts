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
import { checkPeersRun, DEFAULT_WORKER_NICE } from '../options/run-options.js';
import { resolveRuntimes, withCellHostFlags, type RawRuntimeOptions } from '../options/runtime-options.js';
import { resolveStudyOptions, type RawStudyOptions } from '../options/study-options.js';
import { PAYLOAD_SUITE } from '../options/payload-study-options.js';

interface StudyArgs extends RawStudyOptions, RawRuntimeOptions {
  json: boolean;
  out: string;
  report: boolean;
}

/** The options every study shares: those of `bench run` but the suite and the one the study sweeps. */
function sharedOptions(yargs: Argv) {
  return withCellHostFlags(yargs)
    .option('strategies', {
      type: 'string',
      requiresArg: true,
      describe:
        'comma-separated subset of strategies (default: all); main-thread, the baseline, is always added to size and workers studies',
    })
    .option('transport', {
      type: 'string',
      requiresArg: true,
      describe:
        "how payloads travel, comma-separated (clone, transfer, shared-memory, json, advanced); each strategy runs those it can use (default: each one's own; payload study: all)",
    })
    .option('rounds', { type: 'number', requiresArg: true, describe: 'fresh-process rounds per cell (default 3; 2 with --quick)' })
    .option('quick', { type: 'boolean', default: false, describe: 'a fast pass: fewer rounds, shorter phases' })
    .option('phase-time', {
      type: 'number',
      requiresArg: true,
      describe: 'ms budget of each measured phase (default 1000; 250 with --quick)',
    })
    .option('cell-timeout', {
      type: 'number',
      requiresArg: true,
      default: 120,
      describe: 'seconds before a cell round is killed and marked errored',
    })
    .option('in-flight-per-worker', {
      type: 'number',
      requiresArg: true,
      describe: "tasks each worker may hold at once (default: each strategy's own; peers: their library's knob)",
    })
    .option('max-heap', {
      type: 'number',
      requiresArg: true,
      describe: 'heap limit (MiB) of the cell and of each worker and child (default: as for bench run)',
    })
    .option('worker-nice', {
      type: 'number',
      requiresArg: true,
      default: DEFAULT_WORKER_NICE,
      describe: 'lower worker/child scheduling priority by this much (0-19)',
    })
    .option('seed', { type: 'number', requiresArg: true, default: 1, describe: "seed for the suites' inputs" })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'print the results JSON (with its study block) to stdout instead of the tables',
    })
    .option('out', { type: 'string', requiresArg: true, default: 'results', describe: 'directory for results files' });
}

/** The options of the size and workers studies: the shared ones and a suite. */
const commonOptions = (yargs: Argv) =>
  sharedOptions(yargs).option('suite', {
    type: 'string',
    requiresArg: true,
    default: 'fib',
    describe: 'fib, sort, sha256, all, a comma-separated list, or ./path/to/suite.js',
  });

async function runStudy(kind: StudyKind, args: StudyArgs): Promise<void> {
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const plan = await resolveStudyOptions(kind, args as RawStudyOptions);
  const runtimes = await resolveRuntimes(args, log);
  checkPeersRun(plan.config.strategies, runtimes);
  const outDir = writableDir('--out', args.out);
  for (const note of plan.notes) log(`note: ${note}`);
  const interrupts = trapInterrupts('cell');
  const { result, path } = await executeStudy(
    {
      kind,
      cores: os.availableParallelism(),
      log,
      run: {
        suites: plan.suites,
        config: { ...plan.config, runtimes: runtimes.map((t) => t.name) },
        runtimes,
        commandLine: process.argv.slice(2),
        resultsPath: (runId) => `${outDir}/${runId}.json`,
        ...(plan.config.inFlightPerWorker === undefined ? {} : { inFlightPerWorker: plan.config.inFlightPerWorker }),
        maxHeapMb: plan.config.maxHeapMb,
        ...('workersList' in plan && plan.workersList ? { workersList: plan.workersList } : {}),
        ...(plan.kind === 'payload' ? { payloadFigures: true } : {}),
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

const sizeOptions = (yargs: Argv) =>
  commonOptions(yargs)
    .option('sizes', { type: 'string', requiresArg: true, describe: "ascending comma-separated sizes (default: the suite's `sizes`)" })
    .option('workers', {
      type: 'number',
      requiresArg: true,
      describe: 'threads or processes per strategy (default: os.availableParallelism())',
    });

const workersOptions = (yargs: Argv) =>
  commonOptions(yargs)
    .option('size', {
      type: 'string',
      requiresArg: true,
      describe: "the suite's size knob, k/m suffixes ×1024 allowed (default: the suite's defaultSize)",
    })
    .option('workers-list', {
      type: 'string',
      requiresArg: true,
      describe: 'ascending comma-separated worker counts from 1 (default: 1 … 2 × cores)',
    });

/** What a builder parses; yargs hands the handler the same with camelCase keys added. */
type Parsed<Builder> = Builder extends (yargs: Argv) => Argv<infer Options> ? Options : never;

const sizeStudy: CommandModule<object, Parsed<typeof sizeOptions>> = {
  command: 'size',
  describe: 'sweep task sizes: from what size on does each strategy beat main-thread (its crossover)',
  builder: sizeOptions,
  handler: (args) => runStudy('size', args),
};

const workersStudy: CommandModule<object, Parsed<typeof workersOptions>> = {
  command: 'workers',
  describe: 'sweep worker counts: how far each strategy scales (speedup, efficiency, USL fit)',
  builder: workersOptions,
  handler: (args) => runStudy('workers', args),
};

const payloadOptions = (yargs: Argv) =>
  sharedOptions(yargs).option('sizes', {
    type: 'string',
    requiresArg: true,
    describe: 'ascending comma-separated payload sizes in bytes, k/m suffixes ×1024 (default: 1k,4k,…,64m)',
  });

const payloadStudy: CommandModule<object, Parsed<typeof payloadOptions>> = {
  command: 'payload',
  describe:
    "sweep payload sizes (the echo suite, 1 KiB … 64 MiB) over every transport: round trip, MB/s and the transport's share of one task",
  builder: payloadOptions,
  // The payload study's suite is fixed (echo): its sizes are bytes.
  handler: (args) => runStudy('payload', { ...args, suite: PAYLOAD_SUITE }),
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
