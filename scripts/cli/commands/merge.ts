/**
 * `bench merge a.json b.json … --out merged.json`: one results file from several machines
 * or runtimes, every cell keeping its own context (see reports/cell-context.ts).
 */
import type { Argv, CommandModule } from 'yargs';
import { loadResults } from '../../../reports/load-results.js';
import { mergeResults, type MergeInput } from '../../../reports/merge.js';
import { newRunId } from '../../../runners/orchestrate/run-journal.js';
import { writeJsonAtomic } from '../../../runners/common/write-atomic.js';
import { UsageError } from '../usage-error.js';
import { flags, type ArgsOf } from '../flags.js';
import { notAnInput, writableFile } from '../output-paths.js';

const builder = (yargs: Argv) =>
  yargs
    .positional('files', {
      type: 'string',
      array: true,
      demandOption: true,
      describe: 'results files written by `bench run` (or `bench merge`)',
    })
    .options(flags('out'))
    .check((argv) => {
      if (argv.files.length < 2)
        throw new UsageError('bench merge needs two or more results files, e.g. bench merge a.json b.json --out merged.json');
      return true;
    });

export const mergeCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'merge <files..>',
  describe: 'merge results files from different machines or runtimes into one (cells keep their own context)',
  builder,
  handler: async (args) => {
    // --out is optional for the commands that default it to a folder; here it names the file to write.
    const { out } = args;
    if (out === undefined || out === '') throw new UsageError('bench merge needs --out FILE, e.g. --out results/merged.json');
    writableFile('--out', out);
    notAnInput('--out', out, args.files);
    const inputs: MergeInput[] = [];
    for (const file of args.files) {
      const run = await loadResults(file);
      inputs.push({ file, run });
    }
    const merged = mergeResults(inputs, `merged-${newRunId()}`);
    writeJsonAtomic(out, merged);
    const machines = Object.keys(merged.contexts ?? {}).length;
    process.stdout.write(`${out}\n`);
    process.stderr.write(`merged ${inputs.length} files: ${merged.cells.length} cells from ${machines} run contexts\n`);
  },
};
