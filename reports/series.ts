/**
 * A series is what one bar colour-shade in a chart stands for: the cells of one results
 * file measured in one runtime. Several files (or several runtimes in one file) give
 * several series, labelled by whatever actually tells them apart.
 */
import type { CellResult, CompletedCell, RunResult } from '../runners/results.js';

export interface Series {
  /** Position among all series of the report: decides the bar shade. */
  index: number;
  fileIndex: number;
  runtime: string;
  label: string;
  result: RunResult;
  cells: CellResult[];
}

/** The descriptions a label may be built from, most telling first. */
function descriptors(result: RunResult, runtime: string): Array<[dimension: string, text: string]> {
  const { context } = result;
  // The context names the runtime the parent ran in; a cell in another runtime has no
  // recorded version, so we show its name alone rather than a wrong version.
  const version = context.runtime.name === runtime ? ` ${context.runtime.version}` : '';
  return [
    ['runtime', `${runtime}${version}`],
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
export function labelSeries(entries: ReadonlyArray<{ result: RunResult; runtime: string }>): string[] {
  const described = entries.map(({ result, runtime }) => descriptors(result, runtime));
  const dimensions = described[0]?.map(([dimension]) => dimension) ?? [];
  const textOf = (i: number, d: number): string => described[i]?.[d]?.[1] ?? '';
  const varying = dimensions
    .map((_, d) => d)
    .filter((d) => new Set(entries.map((_, i) => textOf(i, d))).size > 1);
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
    const runtimes = [...new Set(result.cells.map((cell) => cell.runtime as string))];
    if (runtimes.length === 0) runtimes.push(result.context.runtime.name);
    for (const runtime of runtimes) {
      groups.push({ fileIndex, runtime, result, cells: result.cells.filter((cell) => cell.runtime === runtime) });
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

export const BASELINE_STRATEGY = 'main-thread';

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
