/**
 * `bench compare <baseline> <current>`: verdicts per cell, a table (or --json), an optional
 * markdown summary for CI, and the exit code a CI job needs: 0 ok, 1 regression (or, with
 * --strict, an inconclusive cell), 2 bad input.
 */
import type { Argv, CommandModule } from 'yargs';
import { describeMethod, DEFAULT_SETTINGS } from '../../../reports/decide/compare/compare-metric.js';
import { renderCompareMarkdown, renderCompareTable } from '../../../reports/terminal/compare-render.js';
import { compareRuns, countVerdicts, exitCodeOf, type CompareOptions, type LoadedRun } from '../../../reports/decide/compare/compare.js';
import { loadResults } from '../../../reports/load-results.js';
import { writeFileAtomic } from '../../../runners/common/write-atomic.js';
import { formatJson } from '../../../runners/common/format-json.js';
import { confirmRegressions } from '../auto-rerun.js';
import { UsageError } from '../usage-error.js';
import { flags, type ArgsOf, type HandlerArgs } from '../flags.js';
import { parseThreshold, rateBelowHalf } from '../parse/values.js';
import { writableDir, writableFile } from '../output-paths.js';

const builder = (yargs: Argv) =>
  yargs
    .positional('baseline', {
      type: 'string',
      demandOption: true,
      describe: 'baseline results file (e.g. results/baseline/<fingerprint>.json)',
    })
    .positional('current', { type: 'string', demandOption: true, describe: 'results file of the run to judge' })
    .options(flags('threshold', 'alpha', 'normalize', 'strict', 'json', 'markdown', 'auto-rerun', 'suite', 'rerun-out'));

type CompareArgs = HandlerArgs<typeof builder>;

function validate(args: CompareArgs): CompareOptions {
  const threshold = args.threshold === undefined ? DEFAULT_SETTINGS.threshold : parseThreshold(args.threshold);
  rateBelowHalf('alpha', args.alpha, 'a significance level');
  if (!(Number.isSafeInteger(args.autoRerun) && args.autoRerun >= 0 && args.autoRerun <= 100)) {
    throw new UsageError(`--auto-rerun must be a whole number of rounds from 0 to 100, got ${args.autoRerun}`);
  }
  if (args.markdown === '') throw new UsageError('--markdown needs a file path, e.g. --markdown summary.md');
  if (args.markdown !== undefined) writableFile('--markdown', args.markdown);
  if (args.rerunOut !== undefined) writableDir('--rerun-out', args.rerunOut);
  return { threshold, alpha: args.alpha, normalize: args.normalize };
}

async function load(file: string): Promise<LoadedRun> {
  const run = await loadResults(file);
  return { file, run };
}

export const compareCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'compare <baseline> <current>',
  describe: 'compare a results file with a baseline: a verdict per cell; exit 1 on a regression',
  builder,
  handler: async (args) => {
    const options = validate(args);
    const baseline = await load(args.baseline);
    const current = await load(args.current);
    let comparison = compareRuns(baseline, current, options);
    if (comparison.cells.every((cell) => cell.verdict === 'new' || cell.verdict === 'missing')) {
      const suites = (run: LoadedRun): string =>
        [...new Set(run.run.cells.map((cell) => `${cell.suite}(${cell.size})`))].join(', ') || 'no cells';
      throw new UsageError(
        `${args.baseline} and ${args.current} have no cell in common (baseline: ${suites(baseline)}; new: ${suites(current)}): ` +
          'compare runs of the same suites, sizes, strategies, runtimes and --workers',
      );
    }
    if (args.autoRerun > 0) {
      comparison = await confirmRegressions(comparison, baseline, current, options, {
        rounds: args.autoRerun,
        ...(args.suite !== undefined ? { suiteSpec: args.suite } : {}),
        ...(args.rerunOut !== undefined ? { outDir: args.rerunOut } : {}),
      });
    }
    const exitCode = exitCodeOf(comparison.cells, args.strict);
    if (args.markdown !== undefined) await writeFileAtomic(args.markdown, renderCompareMarkdown(comparison));
    if (args.json) {
      const counts = countVerdicts(comparison.cells);
      process.stdout.write(`${formatJson({ method: describeMethod(options), counts, exitCode, ...comparison })}\n`);
    } else {
      process.stdout.write(`${renderCompareTable(comparison)}\n`);
    }
    process.exitCode = exitCode;
  },
};
