/**
 * A series is what one bar colour-shade in a chart stands for: the cells of one results
 * file measured in one runtime. Several files (or several runtimes in one file) give
 * several series, labelled by whatever actually tells them apart.
 */
import type { CellResult, CompletedCell, RunContext, RunResult } from '../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { contextIdOf, contextOf } from '../cell-context.js';

export interface Series {
  /** Position among all series of the report: decides the bar shade. */
  index: number;
  fileIndex: number;
  runtime: string;
  label: string;
  result: RunResult;
  /** Where these cells ran: the file's context, or, in a merged file, their source run's. */
  context: RunContext;
  cells: CellResult[];
}

/** The descriptions a label may be built from, most telling first. */
function descriptors(result: RunResult, runtime: string, context: RunContext): Array<[dimension: string, text: string]> {
  // The runtime probe records each cell runtime's version; older files name only the
  // CLI's runtime, so a cell in another runtime shows its name alone rather than a wrong version.
  const known = context.runtimes?.[runtime]?.version ?? (context.runtime.name === runtime ? context.runtime.version : undefined);
  return [
    ['runtime', known ? `${runtime} ${known}` : runtime],
    ['host', context.hostname],
    ['cpu', `${context.cpu.model}, ${context.cpu.cores} cores`],
    ['run', result.runId],
  ];
}

/**
 * Labels each series with the dimensions whose values differ between series (runtime,
 * host, CPU, run id, in that order of preference), adding dimensions until labels are
 * unique; the runtime alone when there is one series.
 */
export function labelSeries(entries: ReadonlyArray<{ result: RunResult; runtime: string; context?: RunContext }>): string[] {
  const described = entries.map(({ result, runtime, context }) => descriptors(result, runtime, context ?? result.context));
  const dimensions = described[0]?.map(([dimension]) => dimension) ?? [];
  const textOf = (i: number, d: number): string => described[i]?.[d]?.[1] ?? '';
  const varying = dimensions.map((_, d) => d).filter((d) => new Set(entries.map((_, i) => textOf(i, d))).size > 1);
  const chosen: number[] = [];
  const labels = (): string[] => entries.map((_, i) => (chosen.length === 0 ? textOf(i, 0) : chosen.map((d) => textOf(i, d)).join(' · ')));
  for (const d of varying) {
    chosen.push(d);
    if (new Set(labels()).size === entries.length) break;
  }
  const result = labels();
  // Identical files given twice: nothing tells them apart but their position.
  if (new Set(result).size < result.length) return result.map((label, i) => `${label} #${i + 1}`);
  return result;
}

export function buildSeries(results: readonly RunResult[]): Series[] {
  const groups: Array<Omit<Series, 'index' | 'label'>> = [];
  results.forEach((result, fileIndex) => {
    // One series per runtime and, in a merged file, per source run: two machines' cells
    // with the same key must not be drawn as one.
    const byOrigin = new Map<string, CellResult[]>();
    for (const cell of result.cells) {
      const origin = `${contextIdOf(cell) ?? ''}\u0000${cell.runtime}`;
      byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), cell]);
    }
    if (byOrigin.size === 0) groups.push({ fileIndex, runtime: result.context.runtime.name, result, context: result.context, cells: [] });
    for (const cells of byOrigin.values()) {
      groups.push({ fileIndex, runtime: cells[0]!.runtime, result, context: contextOf(result, cells[0]!), cells });
    }
  });
  const labels = labelSeries(groups);
  return groups.map((group, index) => ({ ...group, index, label: labels[index] ?? group.runtime }));
}

/**
 * The cell of a series for one suite and strategy. A run measures one size per suite, so
 * there is normally one; if a file holds several, the completed one wins.
 */
export function cellFor(series: Series, suite: string, strategy: string): CellResult | undefined {
  const matching = series.cells.filter((cell) => cell.suite === suite && cell.strategy === strategy);
  return matching.find((cell) => cell.status === 'completed') ?? matching[0];
}

export function completed(cell: CellResult | undefined): CompletedCell | undefined {
  return cell?.status === 'completed' && cell.scenario === 'batch' ? cell : undefined;
}

/** Re-exported for the reports that read the baseline from here. */
export { BASELINE_STRATEGY };

/** Throughput relative to main-thread in the same series and suite; undefined without a baseline. */
export function speedupOf(series: Series, cell: CellResult): number | undefined {
  const done = completed(cell);
  const baseline = completed(cellFor(series, cell.suite, BASELINE_STRATEGY));
  if (!done || !baseline || baseline.throughput.tasksPerSec <= 0) return undefined;
  return done.throughput.tasksPerSec / baseline.throughput.tasksPerSec;
}

/** Suites in the order the first file lists them, then any others by first appearance. */
export function suitesOf(results: readonly RunResult[]): string[] {
  const names = new Set<string>();
  for (const result of results) {
    for (const suite of result.config.suites) names.add(suite);
  }
  for (const result of results) {
    for (const cell of result.cells) names.add(cell.suite);
  }
  return [...names].filter((suite) => results.some((result) => result.cells.some((cell) => cell.suite === suite)));
}
