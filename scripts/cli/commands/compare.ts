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
import { writableDir, writableFile } from '../output-paths.js';

interface CompareArgs {
  baseline: string;
  current: string;
  threshold: string;
  alpha: number;
  normalize: boolean;
  strict: boolean;
  json: boolean;
  markdown?: string;
  autoRerun: number;
  suite?: string;
  rerunOut?: string;
}

/** `10%`, `10 %` or `10` → 0.1. Anything else is a usage error naming the flag and the form. */
export function parseThreshold(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const value = match ? Number(match[1]) : Number.NaN;
  if (!(value > 0 && value <= 1000)) {
    throw new UsageError(`--threshold must be a percentage above 0 and up to 1000, such as 10%, got "${text}"`);
  }
  return value / 100;
}

function validate(args: CompareArgs): CompareOptions {
  const threshold = parseThreshold(args.threshold);
  if (!(args.alpha > 0 && args.alpha < 0.5))
    throw new UsageError(`--alpha must be a significance level above 0 and below 0.5, such as 0.05, got ${args.alpha}`);
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

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <baseline> <current>',
  describe: 'compare a results file with a baseline: a verdict per cell; exit 1 on a regression',
  builder: (yargs: Argv) =>
    yargs
      .positional('baseline', {
        type: 'string',
        demandOption: true,
        describe: 'baseline results file (e.g. results/baseline/<fingerprint>.json)',
      })
      .positional('current', { type: 'string', demandOption: true, describe: 'results file of the run to judge' })
      .option('threshold', {
        type: 'string',
        requiresArg: true,
        default: `${DEFAULT_SETTINGS.threshold * 100}%`,
        describe: 'smallest change that counts, as a percentage',
      })
      .option('alpha', {
        type: 'number',
        requiresArg: true,
        default: DEFAULT_SETTINGS.alpha,
        describe: 'significance level of the Mann–Whitney U test over rounds',
      })
      .option('normalize', {
        type: 'boolean',
        default: false,
        describe: "compare each strategy's speedup over main-thread within its own run (runs from different machines)",
      })
      .option('strict', { type: 'boolean', default: false, describe: 'exit 1 on inconclusive cells too' })
      .option('json', { type: 'boolean', default: false, describe: 'print the comparison as JSON instead of the table' })
      .option('markdown', {
        type: 'string',
        requiresArg: true,
        describe: 'also write a markdown summary (for $GITHUB_STEP_SUMMARY) to this file',
      })
      .option('auto-rerun', {
        type: 'number',
        requiresArg: true,
        default: 0,
        describe: 'before failing, re-run only the regressed cells for this many fresh rounds to confirm or clear them',
      })
      .option('suite', {
        type: 'string',
        requiresArg: true,
        describe: 'with --auto-rerun: the --suite the run was made with (default: read from the results file)',
      })
      .option('rerun-out', {
        type: 'string',
        requiresArg: true,
        describe: "with --auto-rerun: directory for the re-run's results file (default: beside <current>)",
      }) as unknown as Argv<CompareArgs>,
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
