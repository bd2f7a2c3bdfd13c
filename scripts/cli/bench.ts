#!/usr/bin/env node
/**
 * The bench CLI. Always runs on Node; cells run in fresh processes of their own.
 * One exit path: usage errors print one line and exit 2, a signal 128 + its number, anything else 3.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { harnessVersion } from '../../runners/orchestrate/context.js';
import { abCommand } from './commands/ab.js';
import { baselineCommand } from './commands/baseline.js';
import { compareCommand } from './commands/compare.js';
import { historyCommand } from './commands/history.js';
import { mergeCommand } from './commands/merge.js';
import { httpCommand } from './commands/http.js';
import { initCommand } from './commands/init.js';
import { listCommand } from './commands/list.js';
import { reportCommand } from './commands/report.js';
import { runtimesCommand } from './commands/runtimes.js';
import { runCommand } from './commands/run.js';
import { studyCommand } from './commands/study.js';
import { InterruptedError } from './interrupt.js';
import { isUsageError, UsageError } from './usage-error.js';
import { errorMessage } from '../../runners/common/error-message.js';
import { terminalSafe } from '../../runners/common/terminal-safe.js';

/** Not 1: `bench compare` exits 1 for a regression, and CI must not read a crash as one. */
const FAILURE_EXIT = 3;

const firstLine = (text: string): string => text.split('\n').find((line) => line.trim() !== '') ?? text;

try {
  await yargs(hideBin(process.argv))
    .scriptName('bench')
    .usage('$0 <command> [options]')
    .command(runCommand)
    .command(listCommand)
    .command(reportCommand)
    .command(runtimesCommand)
    .command(compareCommand)
    .command(baselineCommand)
    .command(mergeCommand)
    .command(historyCommand)
    .command(httpCommand)
    .command(studyCommand)
    .command(abCommand)
    .command(initCommand)
    .demandCommand(1, 'give a command')
    .strict()
    .version(harnessVersion())
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .fail((message, error) => {
      // Our handlers' errors pass through; yargs' own (a YError: a flag missing its value) are usage errors.
      if (error && error.name !== 'YError') throw error;
      throw new UsageError(`${firstLine(message ?? error?.message ?? 'bad arguments')} (see bench --help)`);
    })
    .parseAsync();
} catch (error) {
  if (isUsageError(error)) {
    // A message may quote a file's bytes (a JSON parse error does): no escape sequence reaches the terminal.
    process.stderr.write(`Error: ${terminalSafe(error.message)}\n`);
    process.exit(2);
  }
  if (error instanceof InterruptedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error.exitCode);
  }
  process.stderr.write(`Error: ${terminalSafe(errorMessage(error))}\n`);
  if (process.env['BENCH_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(FAILURE_EXIT);
}
