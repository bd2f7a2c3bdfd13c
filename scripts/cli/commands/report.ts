/**
 * `bench report <files..>`: re-renders the HTML report and PNG charts from results files,
 * one run or several side by side. It never re-runs anything.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { RunResult } from '../../../runners/contract/results.js';
import { HistoryFileError, parseHistory, readHistoryText, type HistoryEntry } from '../../../reports/history.js';
import { loadResults, ResultsFileError } from '../../../reports/load-results.js';
import { writeReports, type WrittenReports } from '../../../reports/write-reports.js';
import { UsageError } from '../usage-error.js';
import { flags, type ArgsOf } from '../flags.js';
import { notAnInput, writableDir, writableFile } from '../output-paths.js';

export interface ReportCommandArgs {
  files: string[];
  html?: string;
  png?: string;
  keepGoing: boolean;
  /** results/history.jsonl (bench history append): adds trend charts to the HTML report. */
  history?: string;
}

/** Where the command prints; tests pass their own to read what a user would see. */
export interface ReportOutput {
  out(line: string): void;
  err(line: string): void;
}

const processOutput: ReportOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** `results/<run-id>.json` → `results/<run-id>.html` and `results/<run-id>/`, as `bench run` writes them. */
export function defaultOutputs(file: string): { html: string; png: string } {
  const extension = extname(file);
  const name = basename(file, extension);
  // Without an extension the PNG directory would have the results file's own name.
  const pngName = extension === '' ? `${name}-charts` : name;
  return { html: join(dirname(file), `${name}.html`), png: join(dirname(file), pngName) };
}

async function readHistory(file: string): Promise<HistoryEntry[]> {
  let text: string;
  try {
    text = await readHistoryText(file);
  } catch (error: unknown) {
    if (error instanceof HistoryFileError) throw error;
    throw new UsageError(
      `--history ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): give the file \`bench history append\` writes`,
    );
  }
  return parseHistory(text, file);
}

export async function runReport(args: ReportCommandArgs, output: ReportOutput = processOutput): Promise<WrittenReports> {
  const loaded: Array<{ file: string; result: RunResult }> = [];
  const failures: ResultsFileError[] = [];
  for (const file of args.files) {
    try {
      loaded.push({ file, result: await loadResults(file) });
    } catch (error: unknown) {
      if (!(error instanceof ResultsFileError) || !args.keepGoing) throw error;
      output.err(`Error: ${error.message}`);
      failures.push(error);
    }
  }
  const first = loaded[0];
  if (!first) {
    throw new UsageError(`none of the ${args.files.length} results files could be read (see above); nothing was written`);
  }
  // Beside the first file that could be read: a missing first file has no useful directory.
  const defaults = defaultOutputs(first.file);
  const htmlPath = writableFile('--html', args.html ?? defaults.html);
  notAnInput('--html', args.html ?? defaults.html, args.files);
  const written = await writeReports(
    loaded.map(({ result }) => result),
    {
      htmlPath,
      pngDir: writableDir('--png', args.png ?? defaults.png),
      ...(args.history === undefined ? {} : { history: await readHistory(args.history) }),
    },
  );
  if (written.htmlPath !== undefined) output.out(`wrote ${written.htmlPath}`);
  output.out(`wrote ${written.pngPaths.length} PNG charts to ${args.png ?? defaults.png}`);
  if (failures.length > 0) {
    throw new UsageError(
      `${failures.length} of ${args.files.length} results files could not be read (see above); the report shows the other ${loaded.length}`,
    );
  }
  return written;
}

const builder = (yargs: Argv) =>
  yargs
    .positional('files', { type: 'string', array: true, demandOption: true, describe: 'results files written by `bench run`' })
    .options(flags('html', 'png', 'history', 'keep-going'))
    .check((argv) => {
      if (argv.html === '') throw new UsageError('--html needs a file path, e.g. --html out/report.html');
      if (argv.png === '') throw new UsageError('--png needs a directory, e.g. --png out/charts');
      return true;
    });

export const reportCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'report <files..>',
  describe: 'Render the HTML report and PNG charts from results files (several files: one series each)',
  builder,
  handler: async (args) => {
    await runReport({ files: args.files, html: args.html, png: args.png, keepGoing: args.keepGoing, history: args.history });
  },
};
