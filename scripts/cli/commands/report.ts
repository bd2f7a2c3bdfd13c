/**
 * `bench report <files..>`: re-renders the HTML report and PNG charts from results files,
 * one run or several side by side. It never re-runs anything.
 */
import { existsSync, rmdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { RunResult } from '../../../runners/contract/results.js';
import { HistoryFileError, parseHistory, readHistoryText, type HistoryEntry } from '../../../reports/history.js';
import { loadResults, ResultsFileError } from '../../../reports/load-results.js';
import { pngSkippedLine, writeReports, type WrittenReports } from '../../../reports/write-reports.js';
import { UsageError } from '../usage-error.js';
import { flags, type ArgsOf } from '../flags.js';
import { notAnInput, writableDir, writableFile } from '../output-paths.js';

export interface ReportCommandArgs {
  files: string[];
  /** false (--no-html): no HTML report; undefined: the default path. */
  html?: string | false;
  /** false (--no-png): no PNG charts; undefined: the default directory. */
  png?: string | false;
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

/**
 * Where the report goes when --html and --png do not say, beside `file` (the first that could
 * be read). One file: `results/<run-id>.html` and `results/<run-id>/`, where `bench run` wrote
 * them: the same report again. Several (`names`: every file given, in order): a comparison,
 * named after them (`a-vs-b.html`, `a-vs-b-and-2-more/`), so it never replaces the report or
 * the PNG charts of a run it compares, and the same command writes the same paths however many
 * of the files could be read.
 */
export function defaultOutputs(file: string, names: readonly string[] = [file]): { html: string; png: string } {
  const stem = (path: string): string => basename(path, extname(path));
  const extension = extname(file);
  const [, second, ...rest] = names;
  const name =
    second === undefined ? stem(file) : `${stem(names[0] ?? file)}-vs-${stem(second)}${rest.length > 0 ? `-and-${rest.length}-more` : ''}`;
  // Without an extension the PNG directory would have the results file's own name.
  const pngName = extension === '' && second === undefined ? `${name}-charts` : name;
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
  const defaults = defaultOutputs(first.file, args.files);
  const html = args.html === false ? undefined : (args.html ?? defaults.html);
  const png = args.png === false ? undefined : (args.png ?? defaults.png);
  if (html !== undefined) notAnInput('--html', html, args.files);
  // writableDir creates the PNG directory to prove it writable; one left empty because canvas
  // does not load here is removed again.
  const pngDirIsNew = png !== undefined && !existsSync(png);
  const written = await writeReports(
    loaded.map(({ result }) => result),
    {
      ...(html === undefined ? {} : { htmlPath: writableFile('--html', html) }),
      ...(png === undefined ? {} : { pngDir: writableDir('--png', png) }),
      ...(args.history === undefined ? {} : { history: await readHistory(args.history) }),
    },
  );
  if (written.htmlPath !== undefined) output.out(`wrote ${written.htmlPath}`);
  if (written.pngSkipped !== undefined) {
    if (pngDirIsNew && png !== undefined) rmdirSync(png);
    // --no-html asked for the PNG charts alone: without them the command wrote nothing.
    if (written.htmlPath === undefined) {
      throw new UsageError(`${pngSkippedLine(written.pngSkipped)}; with --no-html nothing was written: drop --no-html`);
    }
    output.err(pngSkippedLine(written.pngSkipped, '--no-png'));
  } else if (png !== undefined) {
    output.out(`wrote ${written.pngPaths.length} PNG charts to ${png}`);
  }
  if (failures.length > 0) {
    throw new UsageError(
      `${failures.length} of ${args.files.length} results files could not be read (see above); the report shows the other ${loaded.length}`,
    );
  }
  return written;
}

/** yargs hands a string flag given as --no-<flag> over as false, whatever its declared type. */
const noneOf = (value: unknown): boolean => value === false;

const builder = (yargs: Argv) =>
  yargs
    .positional('files', { type: 'string', array: true, demandOption: true, describe: 'results files written by `bench run`' })
    .options(flags('html', 'png', 'history', 'keep-going'))
    .check((argv) => {
      if (argv.html === '') throw new UsageError('--html needs a file path, e.g. --html out/report.html');
      if (argv.png === '') throw new UsageError('--png needs a directory, e.g. --png out/charts');
      if (noneOf(argv.html) && noneOf(argv.png)) throw new UsageError('--no-html with --no-png leaves nothing to write: drop one of them');
      return true;
    });

export const reportCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'report <files..>',
  describe: 'Render the HTML report and PNG charts from results files (several files: one series each)',
  builder,
  handler: async (args) => {
    const html = noneOf(args.html) ? false : args.html;
    const png = noneOf(args.png) ? false : args.png;
    await runReport({ files: args.files, html, png, keepGoing: args.keepGoing, history: args.history });
  },
};
