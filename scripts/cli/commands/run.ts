import type { Argv, CommandModule } from 'yargs';
import { renderTable } from '../../../reports/terminal/table.js';
import { renderRunAnswer } from '../../../reports/terminal/study-table.js';
import { createProgress } from '../../../runners/orchestrate/progress.js';
import { executeRun } from '../../../runners/orchestrate/run.js';
import { formatJson } from '../../../runners/common/format-json.js';
import { interruptedExit, trapInterrupts } from '../interrupt.js';
import { nothingMeasuredExit } from '../nothing-measured.js';
import { resolveRuntimes, withCellHostFlags, type RawRuntimeOptions } from '../options/runtime-options.js';
import { checkPeersRun, DEFAULT_WORKER_NICE, resolveRunOptions, type RawRunOptions } from '../options/run-options.js';
import { writableDir } from '../output-paths.js';
import { writeReportBeside } from '../report-beside.js';

interface RunArgs extends RawRunOptions, RawRuntimeOptions {
  json: boolean;
  out: string;
  report: boolean;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run',
  describe: 'measure suites under each strategy, one fresh process per cell and round',
  builder: (yargs: Argv) =>
    withCellHostFlags(yargs)
      .option('suite', {
        type: 'string',
        requiresArg: true,
        default: 'fib',
        describe: 'fib, sort, sha256, all, a comma-separated list, or ./path/to/suite.js',
      })
      .option('size', {
        type: 'string',
        requiresArg: true,
        describe: "the suite's size knob, k/m suffixes ×1024 (64k, 1m) allowed (default: the suite's defaultSize)",
      })
      .option('strategies', {
        type: 'string',
        requiresArg: true,
        describe: 'comma-separated subset of strategies (default: all; see `bench list`)',
      })
      .option('transport', {
        type: 'string',
        requiresArg: true,
        describe:
          "how payloads travel, comma-separated: clone, transfer (worker strategies), shared-memory, json, advanced (process strategies); each strategy runs those it can use (default: each one's own; see `bench list`)",
      })
      .option('workers', {
        type: 'number',
        requiresArg: true,
        describe: 'threads or processes per strategy (default: os.availableParallelism())',
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
      .option('worker-nice', {
        type: 'number',
        requiresArg: true,
        default: DEFAULT_WORKER_NICE,
        describe: 'lower worker/child scheduling priority by this much (0-19), so the dispatching thread stays responsive',
      })
      .option('in-flight-per-worker', {
        type: 'number',
        requiresArg: true,
        describe: "tasks each worker may hold at once (default: each strategy's own; peers: their library's knob)",
      })
      .option('max-heap', {
        type: 'number',
        requiresArg: true,
        describe:
          'heap limit (MiB) of the cell and of each worker and child; a suite past it errors its cell (default: half an equal share of memory, 256-4096)',
      })
      .option('seed', { type: 'number', requiresArg: true, default: 1, describe: "seed for the suites' inputs" })
      .option('json', { type: 'boolean', default: false, describe: 'print the RunResult JSON to stdout instead of the table' })
      .option('out', {
        type: 'string',
        requiresArg: true,
        default: 'results',
        describe: 'directory for results files',
      }) as unknown as Argv<RunArgs>,
  handler: async (args) => {
    const { suites, config } = await resolveRunOptions(args);
    const runtimes = await resolveRuntimes(args, (line) => process.stderr.write(`${line}\n`));
    checkPeersRun(config.strategies, runtimes);
    const outDir = writableDir('--out', args.out);
    const interrupts = trapInterrupts('cell');

    const { result, path } = await executeRun(
      {
        suites,
        config: { ...config, runtimes: runtimes.map((t) => t.name) },
        runtimes,
        commandLine: process.argv.slice(2),
        ...(config.inFlightPerWorker === undefined ? {} : { inFlightPerWorker: config.inFlightPerWorker }),
        maxHeapMb: config.maxHeapMb,
        resultsPath: (runId) => `${outDir}/${runId}.json`,
      },
      (rounds) => createProgress(rounds),
      interrupts.signal,
    );
    interrupts.release();

    if (args.json) process.stdout.write(`${formatJson(result)}\n`);
    else process.stdout.write(`${renderTable(result)}\n${renderRunAnswer(result)}\n`);
    process.stderr.write(`results: ${path}${result.complete ? '' : ' (incomplete)'}\n`);
    if (args.report) await writeReportBeside(result, path);
    if (!result.complete) process.exitCode = interruptedExit(result.interruptedBy);
    else process.exitCode = nothingMeasuredExit(result, (line) => process.stderr.write(`${line}\n`)) ?? process.exitCode;
  },
};
