import type { Argv, CommandModule } from 'yargs';
import { renderTable } from '../../../reports/terminal/table.js';
import { renderRunAnswer } from '../../../reports/terminal/study-table.js';
import { createProgress } from '../../../runners/orchestrate/progress.js';
import { executeRun } from '../../../runners/orchestrate/run.js';
import { formatJson } from '../../../runners/common/format-json.js';
import { interruptedExit, trapInterrupts } from '../interrupt.js';
import { nothingMeasuredExit } from '../nothing-measured.js';
import { resolveRuntimes } from '../options/runtime-options.js';
import { checkPeersRun, DEFAULT_OUT_DIR, resolveRunOptions, sequentialLimits } from '../options/run-options.js';
import { CELL_HOST_FLAGS, flags, MEASURE_FLAGS, type ArgsOf } from '../flags.js';
import { writableDir } from '../output-paths.js';
import { writeReportBeside } from '../report-beside.js';

const builder = (yargs: Argv) =>
  yargs.options(
    flags(
      ...CELL_HOST_FLAGS,
      'suite',
      'size',
      'transport',
      'workers',
      'rounds',
      'max-rounds',
      'max-time',
      'disturbed-above',
      ...MEASURE_FLAGS,
    ),
  );

export const runCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'run',
  describe: 'measure suites under each strategy, one fresh process per cell and round',
  builder,
  handler: async (args) => {
    const { suites, config } = await resolveRunOptions({ ...args, redoesDisturbed: true });
    const sequential = sequentialLimits(args, config.rounds);
    const runtimes = await resolveRuntimes(args, (line) => process.stderr.write(`${line}\n`));
    checkPeersRun(config.strategies, runtimes);
    const outDir = writableDir('--out', args.out ?? DEFAULT_OUT_DIR);
    const interrupts = trapInterrupts('cell');

    const { result, path } = await executeRun(
      {
        suites,
        config: { ...config, runtimes: runtimes.map((t) => t.name), ...sequential },
        runtimes,
        commandLine: process.argv.slice(2),
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
