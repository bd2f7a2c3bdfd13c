/**
 * `bench compare --auto-rerun N`: before a regression fails the job, measure the regressed
 * cells again — only those, N fresh-process rounds each, through the same executeRun
 * every `bench run` uses — and compare the fresh rounds with the baseline. A regression
 * the re-run shows too is confirmed; one it does not show was a noisy runner and is
 * cleared (the cell takes the re-run's verdict).
 *
 * The fresh rounds replace the first ones rather than joining them: a round slowed by a
 * neighbour's job would otherwise keep its vote.
 */
import { suiteSpecs } from './parse/suite-specs.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  compareRuns,
  type CellComparison,
  type Comparison,
  type CompareOptions,
  type LoadedRun,
} from '../../reports/decide/compare/compare.js';
import { smallestPValue } from '../../reports/decide/compare/mann-whitney.js';
import { BASELINE_STRATEGY } from '../../reports/charts/series.js';
import { cellId } from '../../runners/contract/cell-id.js';
import type { PlannedSuite } from '../../runners/orchestrate/plan.js';
import { createProgress } from '../../runners/orchestrate/progress.js';
import { executeRun } from '../../runners/orchestrate/run.js';
import { suiteFacts } from '../../runners/orchestrate/suite-facts.js';
import { BUILTIN_SUITE_NAMES, resolveSuiteUrl } from '../../suites/registry.js';
import { InterruptedError, trapInterrupts } from './interrupt.js';
import { resolveRuntimes } from './options/runtime-options.js';
import { UsageError } from './usage-error.js';

export interface RerunSettings {
  rounds: number;
  /** `--suite` as given to `bench run`; default: the one in the current run's command line. */
  suiteSpec?: string;
  /** Where the re-run's results file goes; default: beside the current results file. */
  outDir?: string;
  /** What measures a suite's cells again; tests pass a fake, as hyperfine's MockExecutor does. */
  measure?: Measure;
}

export type Measure = (
  current: LoadedRun,
  suite: PlannedSuite,
  strategies: string[],
  runtimes: string[],
  settings: RerunSettings,
) => Promise<LoadedRun>;

/** The `--suite` value of a recorded `bench run` command line, if any. */
function recordedSuiteSpec(commandLine: readonly string[]): string | undefined {
  const index = commandLine.indexOf('--suite');
  if (index >= 0) return commandLine[index + 1];
  return commandLine.find((arg) => arg.startsWith('--suite='))?.slice('--suite='.length);
}

/** The module URL of a suite by name: a built-in, or a file named in `--suite` (given or recorded). */
async function suiteUrl(name: string, spec: string | undefined): Promise<string> {
  if ((BUILTIN_SUITE_NAMES as readonly string[]).includes(name)) return resolveSuiteUrl(name);
  for (const item of suiteSpecs(spec ?? '').filter(Boolean)) {
    if (item === 'all' || (BUILTIN_SUITE_NAMES as readonly string[]).includes(item)) continue;
    const url = resolveSuiteUrl(item);
    if ((await suiteFacts(url)).name === name) return url;
  }
  throw new UsageError(
    `--auto-rerun: cannot find the file of suite "${name}": pass --suite with the path it was run with (e.g. --suite ./my-suite.js)`,
  );
}

/** Refuses a re-run too short to ever confirm anything: it would clear every regression. */
function checkRoundsCanConfirm(regressed: CellComparison[], rounds: number, alpha: number): void {
  // A cell that errored has no metrics: any re-run can confirm or clear it.
  const tested = regressed.flatMap((cell) => cell.metrics.map((m) => m.rounds.old));
  if (tested.length === 0) return;
  const baselineRounds = Math.min(...tested);
  const floor = smallestPValue(baselineRounds, rounds);
  if (floor >= alpha) {
    throw new UsageError(
      `--auto-rerun ${rounds} cannot confirm a regression against ${baselineRounds} baseline rounds ` +
        `(the smallest p-value is ${floor.toFixed(3)}, not below α ${alpha}): give --auto-rerun 5 or more`,
    );
  }
}

/** The real thing: the suite's cells, N fresh-process rounds each, through executeRun. */
const rerunSuite: Measure = async (current, suite, strategies, runtimeNames, settings) => {
  const outDir = settings.outDir ?? dirname(current.file);
  // bun-smol is not a --runtime of its own but bun's variant: ask for it the way `bench run` does.
  // The binaries the run used (a --bun or --deno path included), as its probe recorded them.
  // A file from another machine or checkout names paths that are not here: then look them up as `bench run` does.
  const recorded = current.run.context.runtimes ?? {};
  const present = (path: string | undefined): string | undefined => (path !== undefined && existsSync(path) ? path : undefined);
  const bun = present(recorded['bun']?.path ?? recorded['bun-smol']?.path);
  const deno = present(recorded['deno']?.path);
  const runtimes = await resolveRuntimes(
    {
      runtime: [...new Set(runtimeNames.map((name) => (name === 'bun-smol' ? 'bun' : name)))].join(','),
      bunSmol: runtimeNames.includes('bun-smol'),
      keepGoing: false,
      ...(bun !== undefined ? { bun } : {}),
      ...(deno !== undefined ? { deno } : {}),
    },
    (line) => process.stderr.write(`${line}\n`),
  );
  const config = {
    ...current.run.config,
    suites: [suite.name],
    sizes: { [suite.name]: suite.size },
    strategies,
    rounds: settings.rounds,
    runtimes: runtimes.map((target) => target.name),
  };
  const interrupts = trapInterrupts('re-run');
  try {
    process.stderr.write(
      `auto-rerun: ${suite.name} × ${strategies.join(', ')} on ${runtimeNames.join(', ')}, ${settings.rounds} fresh rounds each\n`,
    );
    const { result, path } = await executeRun(
      { suites: [suite], config, runtimes, commandLine: process.argv.slice(2), resultsPath: (runId) => join(outDir, `${runId}.json`) },
      (rounds, estimateOf) => createProgress(rounds, { estimateOf }),
      interrupts.signal,
    );
    if (!result.complete)
      throw new InterruptedError(`--auto-rerun was interrupted; its partial results are in ${path}`, result.interruptedBy);
    return { file: path, run: result };
  } finally {
    interrupts.release();
  }
};

export async function confirmRegressions(
  comparison: Comparison,
  baseline: LoadedRun,
  current: LoadedRun,
  options: CompareOptions,
  settings: RerunSettings,
): Promise<Comparison> {
  const regressed = comparison.cells.filter((cell) => cell.verdict === 'regressed');
  if (regressed.length === 0) return comparison;
  checkRoundsCanConfirm(regressed, settings.rounds, options.alpha);

  // One re-run per suite and size: executeRun measures suites × strategies × runtimes, so
  // grouping keeps it close to the regressed cells (plus main-thread, which --normalize
  // divides by).
  const groups = new Map<string, { suite: string; size: number; strategies: Set<string>; runtimes: Set<string> }>();
  for (const cell of regressed) {
    const id = `${cell.suite}|${cell.size}`;
    const group = groups.get(id) ?? { suite: cell.suite, size: cell.size, strategies: new Set<string>(), runtimes: new Set<string>() };
    group.strategies.add(cell.strategy);
    group.runtimes.add(cell.runtime);
    if (options.normalize) group.strategies.add(BASELINE_STRATEGY);
    groups.set(id, group);
  }
  const spec = settings.suiteSpec ?? recordedSuiteSpec(current.run.context.commandLine);
  const reruns: Array<{ rerun: LoadedRun; cells: CellComparison[] }> = [];
  for (const group of groups.values()) {
    const url = await suiteUrl(group.suite, spec);
    const measure = settings.measure ?? rerunSuite;
    const rerun = await measure(
      current,
      { name: group.suite, url, size: group.size },
      [...group.strategies],
      [...group.runtimes],
      settings,
    );
    reruns.push({ rerun, cells: compareRuns(baseline, rerun, options).cells });
  }

  const cells = comparison.cells.map((cell): CellComparison => {
    if (cell.verdict !== 'regressed') return cell;
    for (const { rerun, cells: again } of reruns) {
      const fresh = again.find((other) => cellId(other) === cellId(cell) && other.verdict !== 'missing');
      if (!fresh) continue;
      // Measured on another machine than the baseline's: it can neither confirm nor clear.
      if (fresh.verdict === 'incomparable')
        return { ...cell, reason: `--auto-rerun could not judge it: ${fresh.reason ?? 'incomparable'}` };
      const confirmed = fresh.verdict === 'regressed';
      return {
        ...fresh,
        rerun: { rounds: settings.rounds, file: rerun.file, confirmed, firstVerdict: cell.verdict, firstMetrics: cell.metrics },
      };
    }
    return {
      ...cell,
      reason: `${cell.reason ? `${cell.reason}; ` : ''}--auto-rerun did not measure this cell again (its workers differ from the run's --workers)`,
    };
  });
  return { ...comparison, cells };
}
