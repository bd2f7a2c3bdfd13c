import type { Argv, CommandModule } from 'yargs';
import { formatRate } from '../../../reports/format/numbers.js';
import { formatDuration } from '../../../runners/common/format-duration.js';
import { renderHttpTable } from '../../../reports/terminal/http-table.js';
import { renderRunAnswer } from '../../../reports/terminal/study-table.js';
import { executeHttpRun } from '../../../runners/http/harness/run-http.js';
import type { CellResult, HttpNoop } from '../../../runners/contract/results.js';
import { formatJson } from '../../../runners/common/format-json.js';
import { resolveHttpOptions } from '../options/http-options.js';
import { DEFAULT_OUT_DIR } from '../options/run-options.js';
import { CELL_HOST_FLAGS, flags, type ArgsOf } from '../flags.js';
import { interruptedExit, trapInterrupts } from '../interrupt.js';
import { nothingMeasuredExit } from '../nothing-measured.js';
import { writableDir } from '../output-paths.js';
import { writeReportBeside } from '../report-beside.js';

const builder = (yargs: Argv) =>
  yargs.options(
    flags(
      ...CELL_HOST_FLAGS,
      'suite',
      'size',
      'strategies',
      'transport',
      'workers',
      'workers-list',
      'worker-nice',
      'connections',
      'duration',
      'amount',
      'pipelining',
      'warmup',
      'health-probe',
      'health-interval',
      'max-queue',
      'max-request-size',
      'max-heap',
      'timeout',
      'cell-timeout',
      'json',
      'out',
    ),
  );

function progressLine(index: number, total: number, cell: CellResult, elapsedMs: number): string {
  const what =
    cell.status === 'completed' && cell.scenario === 'http'
      ? `${formatRate(cell.requests.perSec)} req/s, p99 ${formatDuration(cell.latency.p99Ms)}` +
        (cell.health ? `, /health p99 ${formatDuration(cell.health.p99Ms)}` : '')
      : cell.status === 'errored'
        ? `errored: ${cell.error.message}`
        : cell.status;
  return `[${index + 1}/${total}] ${cell.suite}(${cell.size}) × ${cell.strategy} × ${cell.workers} on ${cell.runtime}: ${what} (${formatDuration(elapsedMs, { units: 's' })})\n`;
}

function noopLine(noop: HttpNoop, elapsedMs: number): string {
  const what =
    noop.status === 'completed'
      ? `${formatRate(noop.requests.perSec)} req/s, p99 ${formatDuration(noop.latency.p99Ms)}`
      : `errored: ${noop.error}`;
  return `[server alone] GET /noop on ${noop.runtime}: ${what} (${formatDuration(elapsedMs, { units: 's' })})\n`;
}

export const httpCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'http',
  describe: "serve a suite over HTTP under each strategy, on each runtime's own server, and load it with autocannon",
  builder,
  handler: async (args) => {
    const plan = await resolveHttpOptions(args, (line) => process.stderr.write(`${line}\n`));
    const outDir = writableDir('--out', args.out ?? DEFAULT_OUT_DIR);
    const interrupts = trapInterrupts('server');
    const { result, path } = await executeHttpRun(
      {
        ...plan,
        commandLine: process.argv.slice(2),
        resultsPath: (runId) => `${outDir}/${runId}.json`,
        onCell: (index, total, cell, elapsedMs) => process.stderr.write(progressLine(index, total, cell, elapsedMs)),
        onNoop: (noop, elapsedMs) => process.stderr.write(noopLine(noop, elapsedMs)),
      },
      interrupts.signal,
    );
    interrupts.release();

    if (args.json) process.stdout.write(`${formatJson(result)}\n`);
    else process.stdout.write(`${renderHttpTable(result)}\n${renderRunAnswer(result)}\n`);
    process.stderr.write(`results: ${path}${result.complete ? '' : ' (incomplete)'}\n`);
    if (args.report) await writeReportBeside(result, path);
    if (!result.complete) process.exitCode = interruptedExit(result.interruptedBy);
    else process.exitCode = nothingMeasuredExit(result, (line) => process.stderr.write(`${line}\n`)) ?? process.exitCode;
  },
};
