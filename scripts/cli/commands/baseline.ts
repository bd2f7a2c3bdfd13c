/**
 * `bench baseline save <results>`: stores a run as the baseline of its fingerprint, at
 * `results/baseline/<fingerprint>.json`, where `bench compare` and scripts/ci-regression.sh
 * look for it. `bench baseline path <results>`: prints where that baseline is (or would be).
 * Keyed by fingerprint because absolute figures only compare on the same CPU and runtime.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { runFingerprintId } from '../../../reports/decide/compare/fingerprint.js';
import { loadResults } from '../../../reports/load-results.js';
import { writeFileAtomic } from '../../../runners/common/write-atomic.js';
import { UsageError } from '../usage-error.js';
import { flags, type ArgsOf } from '../flags.js';

/** Where baselines live without --dir: where `bench compare` and scripts/ci-regression.sh look. */
export const DEFAULT_BASELINE_DIR = 'results/baseline';

export async function baselinePath(file: string, dir: string): Promise<string> {
  const run = await loadResults(file);
  return join(dir, `${runFingerprintId(run)}.json`);
}

const builder = (yargs: Argv) =>
  yargs
    .positional('action', {
      choices: ['save', 'path'] as const,
      demandOption: true,
      describe: 'save: copy it into --dir; path: print the baseline path only',
    })
    .positional('file', { type: 'string', demandOption: true, describe: 'results file written by `bench run` (or `bench merge`)' })
    .options(flags('dir'));

export const baselineCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'baseline <action> <file>',
  describe: 'save a results file as the baseline of its fingerprint (save), or print where that baseline lives (path)',
  builder,
  handler: async (args) => {
    const target = await baselinePath(args.file, args.dir ?? DEFAULT_BASELINE_DIR);
    if (args.action === 'path') {
      process.stdout.write(`${target}\n`);
      return;
    }
    const run = await loadResults(args.file);
    // A baseline is what every later run is judged against: half a run would judge wrongly.
    if (!run.complete)
      throw new UsageError(`${args.file} is an interrupted run (complete: false): finish a run before saving it as a baseline`);
    if (!run.cells.some((cell) => cell.status === 'completed'))
      throw new UsageError(`${args.file} has no completed cell: nothing to compare against`);
    const replaced = existsSync(target);
    // The file's bytes, unchanged: the baseline is exactly the run that was reviewed.
    await writeFileAtomic(target, await readFile(args.file));
    process.stdout.write(`${target}\n`);
    process.stderr.write(`baseline ${replaced ? 'replaced' : 'saved'}: ${target} (commit it so CI compares against it)\n`);
  },
};
