/**
 * The one way the tool's own benchmarks read their arguments: the CLI's parser (yargs) for
 * the benchmark's own options, the CLI's value parsers (scripts/cli/parse/values.ts) to
 * check them, and everything it does not know passed on to the `bench` command it drives
 * (`npm run bench:dispatch -- --rounds 5`). A bad value is one line and exit 2, as in the CLI.
 */
import yargs, { type Options } from 'yargs';
import { isUsageError } from '../cli/usage-error.js';

/** `own`: the benchmark's options (yargs declarations); returns them parsed, and in `extra` every other argument in order. */
export function benchmarkArgs<Own extends Record<string, Options>>(own: Own, argv = process.argv.slice(2)) {
  const parsed = yargs(argv)
    .options(own)
    // Unknown flags and their values stay as they were written, for bench to read.
    .parserConfiguration({ 'unknown-options-as-args': true, 'halt-at-non-option': false })
    .help(false)
    .version(false)
    .parseSync();
  return { own: parsed, extra: parsed._.map(String) };
}

/** The end of every benchmark script: a usage error is one line and exit 2, anything else one line and exit 1. */
export function reportFailure(script: string, error: unknown): void {
  process.stderr.write(`${script}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = isUsageError(error) ? 2 : ((error as { exitCode?: number }).exitCode ?? 1);
}
