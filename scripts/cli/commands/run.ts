import type { Argv, CommandModule } from 'yargs';
import { renderTable } from '../../../reports/terminal/table.js';
import { renderRunAnswer } from '../../../reports/terminal/study-table.js';
import { createProgress } from '../../../runners/orchestrate/progress.js';
import { formatJson } from '../../../runners/common/format-json.js';
import { measureRun, prepareRun } from '../../api/measure.js';
import { interruptedExit, trapInterrupts } from '../interrupt.js';
import { nothingMeasuredExit } from '../nothing-measured.js';
import { DEFAULT_OUT_DIR } from '../options/run-options.js';
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
  // The measuring is the API's (scripts/api/measure.ts, run() calls it too); this adds the terminal's edges.
  handler: async (args) => {
    const prepared = await prepareRun(args, (line) => process.stderr.write(`${line}\n`));
    const outDir = writableDir('--out', args.out ?? DEFAULT_OUT_DIR);
    const interrupts = trapInterrupts('cell');

    const { result, path } = await measureRun(prepared, {
      dir: outDir,
      signal: interrupts.signal,
      progress: (rounds, estimateOf) => createProgress(rounds, { estimateOf }),
      commandLine: process.argv.slice(2),
    });
    interrupts.release();

    if (args.json) process.stdout.write(`${formatJson(result)}\n`);
    else process.stdout.write(`${renderTable(result)}\n${renderRunAnswer(result)}\n`);
    process.stderr.write(`results: ${path}${result.complete ? '' : ' (incomplete)'}\n`);
    if (args.report) await writeReportBeside(result, path);
    if (!result.complete) process.exitCode = interruptedExit(result.interruptedBy);
    else process.exitCode = nothingMeasuredExit(result, (line) => process.stderr.write(`${line}\n`)) ?? process.exitCode;
  },
};
