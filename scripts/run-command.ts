import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { renderTable } from '../reports/table.js';
import { writeReports } from '../reports/write-reports.js';
import { createProgress } from '../runners/progress.js';
import { executeRun } from '../runners/run.js';
import { formatJson } from '../runners/write-json-atomic.js';
import { DEFAULT_WORKER_NICE, resolveRunOptions, type RawRunOptions } from './run-options.js';

interface RunArgs extends RawRunOptions {
  json: boolean;
  out: string;
  report: boolean;
}

/** Exit status of a run stopped by Ctrl-C (128 + SIGINT), after its results are saved. */
const INTERRUPTED_EXIT = 130;

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run',
  describe: 'measure suites under each strategy, one fresh process per cell and round',
  builder: (yargs: Argv) => yargs
    .option('suite', { type: 'string', default: 'fib', describe: 'fib, sort, sha256, all, a comma-separated list, or ./path/to/suite.js' })
    .option('size', { type: 'number', describe: "the suite's size knob (default: the suite's defaultSize)" })
    .option('strategies', { type: 'string', describe: 'comma-separated subset of strategies (default: all; see `bench list`)' })
    .option('workers', { type: 'number', describe: 'threads or processes per strategy (default: os.availableParallelism())' })
    .option('rounds', { type: 'number', describe: 'fresh-process rounds per cell (default 3; 2 with --quick)' })
    .option('quick', { type: 'boolean', default: false, describe: 'a fast pass: fewer rounds, shorter phases' })
    .option('phase-time', { type: 'number', describe: 'ms budget of each measured phase (default 1000; 250 with --quick)' })
    .option('cell-timeout', { type: 'number', default: 120, describe: 'seconds before a cell round is killed and marked errored' })
    .option('worker-nice', { type: 'number', default: DEFAULT_WORKER_NICE, describe: 'lower worker/child scheduling priority by this much (0-19), so the dispatching thread stays responsive' })
    .option('seed', { type: 'number', default: 1, describe: 'seed for the suites\' inputs' })
    .option('json', { type: 'boolean', default: false, describe: 'print the RunResult JSON to stdout instead of the table' })
    .option('out', { type: 'string', default: 'results', describe: 'directory for results files' })
    .option('report', { type: 'boolean', default: true, describe: 'also write <run-id>.html and PNG charts in <run-id>/ (--no-report: JSON only)' }) as unknown as Argv<RunArgs>,
  handler: async (args) => {
    const { suites, config } = await resolveRunOptions(args);
    const outDir = resolve(args.out);
    const controller = new AbortController();
    const interrupt = (signal: NodeJS.Signals): void => {
      if (controller.signal.aborted) process.exit(INTERRUPTED_EXIT); // a second Ctrl-C: stop now
      process.stderr.write(`\n${signal}: stopping the running cell and saving what was measured…\n`);
      controller.abort(signal);
    };
    process.on('SIGINT', interrupt);
    process.on('SIGTERM', interrupt);

    const plannedRounds = suites.length * config.strategies.length * config.rounds;
    const { result, path } = await executeRun(
      { suites, config, commandLine: process.argv.slice(2), resultsPath: (runId) => `${outDir}/${runId}.json` },
      createProgress(plannedRounds),
      controller.signal,
    );
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);

    if (args.json) process.stdout.write(`${formatJson(result)}\n`);
    else process.stdout.write(`${renderTable(result)}\n`);
    process.stderr.write(`results: ${path}${result.complete ? '' : ' (incomplete)'}\n`);
    if (args.report && result.cells.some((cell) => cell.status === 'completed')) {
      const base = path.replace(/\.json$/, '');
      const written = await writeReports([result], { htmlPath: `${base}.html`, pngDir: base });
      process.stderr.write(`report: ${written.htmlPath} and ${written.pngPaths.length} PNG charts in ${base}/\n`);
    }
    if (!result.complete) process.exitCode = INTERRUPTED_EXIT;
  },
};
