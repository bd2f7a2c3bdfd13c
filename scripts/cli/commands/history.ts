/**
 * `bench history append <results..>`: adds each run's medians to results/history.jsonl
 * (one JSON line per run, with commit and date) for the HTML report's trend charts.
 * Appending a run already in the history does nothing, so a retried CI job stays honest.
 */
import { existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import type { Argv, CommandModule } from 'yargs';
import { historyEntry, historyLine, parseHistory, readHistoryText } from '../../../reports/history.js';
import { loadResults } from '../../../reports/load-results.js';
import { notAnInput, writableFile } from '../output-paths.js';
import { flags, type ArgsOf } from '../flags.js';

const builder = (yargs: Argv) =>
  yargs
    .positional('action', { choices: ['append'] as const, demandOption: true, describe: 'append: add each run once' })
    .positional('files', { type: 'string', array: true, demandOption: true, describe: 'results files written by `bench run`' })
    .options(flags('file'));

export const historyCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'history <action> <files..>',
  describe: "append runs' medians (with commit and date) to the history the trend charts read",
  builder,
  handler: async (args) => {
    writableFile('--file', args.file);
    notAnInput('--file', args.file, args.files);
    const text = existsSync(args.file) ? await readHistoryText(args.file) : '';
    const known = parseHistory(text, args.file);
    const seen = new Set(known.map((entry) => entry.runId));
    let lines = '';
    for (const file of args.files) {
      const run = await loadResults(file);
      if (seen.has(run.runId)) {
        process.stderr.write(`history: ${run.runId} is already in ${args.file}; skipped\n`);
        continue;
      }
      seen.add(run.runId);
      lines += historyLine(historyEntry(run));
    }
    if (lines === '') return;
    // One append of whole lines: a reader never sees half an entry. A file whose last line
    // lost its newline (an interrupted editor, a hand edit) must not swallow the first new one.
    await appendFile(args.file, text === '' || text.endsWith('\n') ? lines : `\n${lines}`);
    process.stderr.write(
      `history: ${lines.split('\n').length - 1} run(s) appended to ${args.file} (${known.length + lines.split('\n').length - 1} in all)\n`,
    );
  },
};
