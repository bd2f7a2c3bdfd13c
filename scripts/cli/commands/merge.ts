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
import { notAnInput, writableFile } from '../output-paths.js';

interface MergeArgs {
  files: string[];
  out: string;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <files..>',
  describe: 'merge results files from different machines or runtimes into one (cells keep their own context)',
  builder: (yargs: Argv) =>
    yargs
      .positional('files', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'results files written by `bench run` (or `bench merge`)',
      })
      .option('out', { type: 'string', requiresArg: true, demandOption: true, describe: 'the merged results file to write' })
      .check((argv) => {
        if ((argv.files as string[]).length < 2)
          throw new UsageError('bench merge needs two or more results files, e.g. bench merge a.json b.json --out merged.json');
        if (argv.out === '') throw new UsageError('--out needs a file path, e.g. --out results/merged.json');
        return true;
      }) as unknown as Argv<MergeArgs>,
  handler: async (args) => {
    writableFile('--out', args.out);
    notAnInput('--out', args.out, args.files);
    const inputs: MergeInput[] = [];
    for (const file of args.files) {
      const run = await loadResults(file);
      inputs.push({ file, run });
    }
    const merged = mergeResults(inputs, `merged-${newRunId()}`);
    writeJsonAtomic(args.out, merged);
    const machines = Object.keys(merged.contexts ?? {}).length;
    process.stdout.write(`${args.out}\n`);
    process.stderr.write(`merged ${inputs.length} files: ${merged.cells.length} cells from ${machines} run contexts\n`);
  },
};
