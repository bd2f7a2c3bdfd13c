import type { Argv, CommandModule } from 'yargs';
import { formatRate } from '../../../reports/format/numbers.js';
import { formatDuration } from '../../../runners/common/format-duration.js';
import { renderHttpTable } from '../../../reports/terminal/http-table.js';
import { HTTP_STRATEGY_NAMES } from '../../../runners/contract/http-protocol.js';
import { executeHttpRun } from '../../../runners/http/harness/run-http.js';
import type { CellResult } from '../../../runners/contract/results.js';
import { formatJson } from '../../../runners/common/format-json.js';
import { HTTP_DEFAULTS, resolveHttpOptions, type RawHttpOptions } from '../options/http-options.js';
import { interruptedExit, trapInterrupts } from '../interrupt.js';
import { nothingMeasuredExit } from '../nothing-measured.js';
import { writableDir } from '../output-paths.js';
import { writeReportBeside } from '../report-beside.js';

interface HttpArgs extends RawHttpOptions {
  json: boolean;
  out: string;
  report: boolean;
}

function progressLine(index: number, total: number, cell: CellResult, elapsedMs: number): string {
  const what =
    cell.status === 'completed' && cell.scenario === 'http'
      ? `${formatRate(cell.requests.perSec)} req/s, p99 ${formatDuration(cell.latency.p99Ms)}` +
        (cell.health ? `, /health p99 ${formatDuration(cell.health.p99Ms)}` : '')
      : cell.status === 'errored'
        ? `errored: ${cell.error.message}`
        : cell.status;
  return `[${index + 1}/${total}] ${cell.suite}(${cell.size}) × ${cell.strategy}: ${what} (${formatDuration(elapsedMs, { units: 's' })})\n`;
}

export const httpCommand: CommandModule<object, HttpArgs> = {
  command: 'http',
  describe: 'serve a suite over HTTP under each strategy and load it with autocannon',
  builder: (yargs: Argv) =>
    yargs
      .option('suite', {
        type: 'string',
        requiresArg: true,
        default: 'fib',
        describe: 'fib, sort, sha256, or ./path/to/suite.js: GET /<suite>?size=N runs one task',
      })
      .option('size', {
        type: 'string',
        requiresArg: true,
        describe: "the suite's size knob for every request, k/m suffixes ×1024 allowed (default: the suite's defaultSize)",
      })
      .option('strategies', {
        type: 'string',
        requiresArg: true,
        describe: `comma-separated subset of ${HTTP_STRATEGY_NAMES.join(', ')} (default: all)`,
      })
      .option('workers', {
        type: 'number',
        requiresArg: true,
        describe: 'worker threads, child processes or cluster processes (default: os.availableParallelism())',
      })
      .option('worker-nice', {
        type: 'number',
        requiresArg: true,
        default: HTTP_DEFAULTS.workerNice,
        describe: "lower the workers' (and cluster processes') scheduling priority by this much (0-19)",
      })
      .option('connections', {
        alias: 'c',
        type: 'number',
        requiresArg: true,
        default: HTTP_DEFAULTS.connections,
        describe: 'concurrent connections of the load generator',
      })
      .option('duration', {
        alias: 'd',
        type: 'number',
        requiresArg: true,
        default: HTTP_DEFAULTS.duration,
        describe: 'seconds of measured load per strategy',
      })
      .option('amount', { type: 'number', requiresArg: true, describe: 'measure this many requests instead of a duration' })
      .option('pipelining', {
        type: 'number',
        requiresArg: true,
        default: HTTP_DEFAULTS.pipelining,
        describe: 'requests in flight per connection (HTTP/1.1 pipelining)',
      })
      .option('warmup', {
        type: 'number',
        requiresArg: true,
        default: HTTP_DEFAULTS.warmup,
        describe: 'seconds of untimed load before the measured window (0: none)',
      })
      .option('health-probe', {
        alias: 'mixed',
        type: 'boolean',
        default: true,
        describe: 'probe GET /health during the load (--no-health-probe to skip)',
      })
      .option('health-interval', {
        type: 'number',
        requiresArg: true,
        default: HTTP_DEFAULTS.healthInterval,
        describe: 'ms between two /health probes',
      })
      .option('max-queue', {
        type: 'number',
        requiresArg: true,
        default: HTTP_DEFAULTS.maxQueue,
        describe: 'requests that may wait beyond the running ones; past it the server answers 503',
      })
      .option('max-request-size', {
        type: 'number',
        requiresArg: true,
        describe: 'the largest ?size= a request may ask for; larger ones get 400 (default: --size)',
      })
      .option('timeout', {
        type: 'number',
        requiresArg: true,
        default: HTTP_DEFAULTS.timeout,
        describe: 'seconds before an unanswered request counts as a timeout',
      })
      .option('cell-timeout', {
        type: 'number',
        requiresArg: true,
        describe: 'seconds before a strategy is stopped and marked errored (default: warm-up + duration + 60)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'print the RunResult JSON to stdout instead of the table' })
      .option('out', { type: 'string', requiresArg: true, default: 'results', describe: 'directory for results files' })
      .option('report', {
        type: 'boolean',
        default: true,
        describe: 'also write <run-id>.html and PNG charts in <run-id>/ (--no-report: JSON only)',
      }) as unknown as Argv<HttpArgs>,
  handler: async (args) => {
    const plan = await resolveHttpOptions(args);
    const outDir = writableDir('--out', args.out);
    const interrupts = trapInterrupts('server');
    const { result, path } = await executeHttpRun(
      {
        ...plan,
        commandLine: process.argv.slice(2),
        resultsPath: (runId) => `${outDir}/${runId}.json`,
        onCell: (index, total, cell, elapsedMs) => process.stderr.write(progressLine(index, total, cell, elapsedMs)),
      },
      interrupts.signal,
    );
    interrupts.release();

    if (args.json) process.stdout.write(`${formatJson(result)}\n`);
    else process.stdout.write(`${renderHttpTable(result)}\n`);
    process.stderr.write(`results: ${path}${result.complete ? '' : ' (incomplete)'}\n`);
    if (args.report) await writeReportBeside(result, path);
    if (!result.complete) process.exitCode = interruptedExit(result.interruptedBy);
    else process.exitCode = nothingMeasuredExit(result, (line) => process.stderr.write(`${line}\n`)) ?? process.exitCode;
  },
};
