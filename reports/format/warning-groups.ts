/**
 * A run's measurement warnings grouped by kind: one entry per kind with the cells it
 * affects, instead of 20–37 near-identical lines ("fib × worker-pool: other processes used
 * 81 %…" once per cell). Each warning keeps its own detail; the group says what is common.
 * Where a report holds several runtimes or files, every cell names the one it ran in; a kind
 * raised for every strategy of a suite says so rather than listing them.
 */
import type { MeasurementWarning, RunResult } from '../../runners/contract/results.js';
import { strategyLabeller } from './strategy-label.js';

export interface GroupedWarning {
  /** "the whole run", or the cell: "fib(30) · worker-pool", with " on deno 2.9.6" where the report holds several. */
  where: string;
  /** The message without its "fib × worker-pool:" lead, which `where` already says. */
  detail: string;
}

export interface WarningGroup {
  kind: string;
  warnings: GroupedWarning[];
  /** What to change: the distinct hints, in order of first appearance (usually one). */
  hints: string[];
  /** What it affects, one line per suite and size (and runtime): "fib(30): main-thread, worker-pool"; "the whole run" first. */
  affects: string[];
}

type Cell = NonNullable<MeasurementWarning['cell']>;

/** The message with the cell's own "suite × strategy (transport): " lead taken off, where it has one. */
function detailOf(message: string, cell: Cell | undefined): string {
  if (!cell) return message;
  const lead = `${cell.suite} × ${cell.strategy}`;
  if (!message.startsWith(lead)) return message;
  const rest = /^(?: \([^)]*\))?: (.+)$/s.exec(message.slice(lead.length));
  return rest?.[1] ?? message;
}

/** What a warning's cell is named by: a chart series' file, runtime and label (reports/charts/series.ts fits). */
export interface SeriesName {
  fileIndex: number;
  runtime: string;
  label: string;
}

const NUMBER = /\d+(?:[.,]\d+)*/g;

/**
 * Hints that differ only in their figures ("other processes took at most 0 % … 3 % of the CPU",
 * one per cell) read as one, each figure a range over the cells: "at most 0–3 %". Figures are
 * kept as written; hints of another wording stay apart, in order of first appearance.
 */
export function foldHints(hints: readonly string[]): string[] {
  const byShape = new Map<string, string[]>();
  for (const hint of hints) {
    const shape = hint.replace(NUMBER, '#');
    byShape.set(shape, [...(byShape.get(shape) ?? []), hint]);
  }
  return [...byShape].map(([shape, same]) => {
    if (same.length === 1) return same[0]!;
    const figures = same.map((hint) => hint.match(NUMBER) ?? []);
    let at = 0;
    return shape.replace(/#/g, () => {
      const column = figures.map((f) => f[at]!);
      at++;
      const values = column.map((f) => Number(f.replace(/,/g, '')));
      const low = column[values.indexOf(Math.min(...values))]!;
      const high = column[values.indexOf(Math.max(...values))]!;
      return low === high ? low : `${low}–${high}`;
    });
  });
}

export function groupWarnings(results: readonly RunResult[], series: readonly SeriesName[]): WarningGroup[] {
  const severalSeries = series.length > 1;
  const fileLabel = (fileIndex: number): string =>
    series
      .filter((s) => s.fileIndex === fileIndex)
      .map((s) => s.label)
      .join(', ');
  const seriesLabel = (fileIndex: number, runtime: string): string =>
    series.find((s) => s.fileIndex === fileIndex && s.runtime === runtime)?.label ?? runtime;

  // Per place (suite, size and runtime as the affects line names them): the strategies the file ran there.
  const ran = new Map<string, Set<string>>();
  const groups = new Map<string, { group: WarningGroup; byPlace: Map<string, string[]>; whole: string[] }>();
  results.forEach((result, fileIndex) => {
    const strategyOf = strategyLabeller(result.cells);
    const placeOf = (cell: Cell): string =>
      `${cell.suite}(${cell.size})${severalSeries ? ` on ${seriesLabel(fileIndex, cell.runtime)}` : ''}`;
    for (const cell of result.cells) ran.set(placeOf(cell), (ran.get(placeOf(cell)) ?? new Set()).add(strategyOf(cell)));
    for (const warning of result.warnings) {
      const entry = groups.get(warning.kind) ?? {
        group: { kind: warning.kind, warnings: [], hints: [], affects: [] },
        byPlace: new Map<string, string[]>(),
        whole: [],
      };
      groups.set(warning.kind, entry);
      const { group } = entry;
      if (!group.hints.includes(warning.hint)) group.hints.push(warning.hint);
      const { cell } = warning;
      if (!cell) {
        const whole = results.length > 1 ? `the whole run (${fileLabel(fileIndex)})` : 'the whole run';
        if (!entry.whole.includes(whole)) entry.whole.push(whole);
        group.warnings.push({ where: whole, detail: warning.message });
        continue;
      }
      const on = severalSeries ? ` on ${seriesLabel(fileIndex, cell.runtime)}` : '';
      const place = placeOf(cell);
      const strategy = strategyOf(cell);
      const strategies = entry.byPlace.get(place) ?? [];
      if (!strategies.includes(strategy)) strategies.push(strategy);
      entry.byPlace.set(place, strategies);
      group.warnings.push({ where: `${cell.suite}(${cell.size}) · ${strategy}${on}`, detail: detailOf(warning.message, cell) });
    }
  });
  return [...groups.values()].map(({ group, byPlace, whole }) => ({
    ...group,
    hints: foldHints(group.hints),
    affects: [
      ...whole,
      ...[...byPlace].map(([place, strategies]) => {
        // Every strategy of the place: its count says it, rather than a line of ten names.
        const all = ran.get(place);
        const every = all !== undefined && all.size > 2 && [...all].every((s) => strategies.includes(s));
        return `${place}: ${every ? `every strategy (${all.size})` : strategies.join(', ')}`;
      }),
    ],
  }));
}
