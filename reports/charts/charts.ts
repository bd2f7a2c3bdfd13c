/**
 * Chart.js configurations, built once from results and handed to both renderers, so a
 * PNG and the HTML page always show the same thing. Every configuration is plain JSON;
 * the one piece of code the charts need (whiskers, legend swatches) is the plugin in
 * chart-plugin.ts, which each renderer attaches.
 *
 * Every chart has strategies on the x axis in the palette's order, bars coloured per
 * strategy, and one dataset per series (results file × runtime) told apart by shade:
 * solid, outlined, half-tone.
 */
import type { ChartOptions } from 'chart.js';
import type { RunResult } from '../../runners/contract/results.js';
import type { DatasetExtras } from './chart-plugin.js';
import { KINDS, type ChartKind, type Figure, type KindSpec, type SuiteContext } from './chart-kinds.js';
import { makePalette, withAlpha, type StrategyPalette } from './palette.js';
import { BASELINE_STRATEGY, buildSeries, cellFor, suitesOf, type Series } from './series.js';
import { buildStudyCharts, type StudyChart } from './study-charts.js';
import { buildPhaseCharts } from './phase-charts.js';
import { buildAbCharts } from './ab-charts.js';
import { studyOf } from '../study-of.js';
import { payloadStudyOf } from '../payload-of.js';

export type { ChartKind } from './chart-kinds.js';

export interface BarDataset extends DatasetExtras {
  type: 'bar';
  label: string;
  data: Array<number | null>;
  backgroundColor: string[];
  borderColor: string[];
  borderWidth: number;
  /** The legend's swatch shape: a box for bars, a line for reference lines. */
  pointStyle: 'rect';
}

export interface LineDataset {
  type: 'line';
  label: string;
  data: number[];
  borderColor: string;
  borderDash: number[];
  borderWidth: number;
  pointRadius: number;
  pointStyle: 'line';
  fill: false;
}

export interface ChartConfig {
  type: 'bar';
  data: { labels: Array<string | string[]>; datasets: Array<BarDataset | LineDataset> };
  options: ChartOptions<'bar'>;
}

export interface BenchChart {
  /** Unique within a report and safe as a file name: `<suite>-<kind>`, used for PNG names. */
  id: string;
  suite: string;
  kind: ChartKind;
  /** One line a reader sees before the chart (also the PNG's alt text). */
  title: string;
  config: ChartConfig;
}

export interface ChartSet {
  series: Series[];
  palette: StrategyPalette;
  suites: string[];
  charts: BenchChart[];
  /** Charts of the files that hold a study (study-charts.ts), whose cells get no bar charts, and of A/B files (ab-charts.ts). */
  studies: StudyChart[];
}

/** Shades per series position; the legend shows the same shade in neutral grey. */
const SHADES = [
  { fillAlpha: 0.9, borderWidth: 0 },
  { fillAlpha: 0.12, borderWidth: 2 },
  { fillAlpha: 0.5, borderWidth: 0 },
  { fillAlpha: 0.3, borderWidth: 2 },
] as const;
const LEGEND_GREY = '#555555';

/** Values spanning more than this ratio are drawn on a log axis, or the small ones vanish. */
const LOG_SPAN = 30;

function distinct(values: Array<string | number>): string {
  return [...new Set(values)].join(' / ');
}

function seriesShade(series: Series) {
  return SHADES[series.index % SHADES.length] ?? SHADES[0];
}

/**
 * The x-axis label: the strategy, and on a second line why some series have no bar. When
 * every series lacks it, the status alone ("skipped"); when only some do, the status names
 * them ("skipped on deno"), or a reader takes the skip for every runtime's. Series are named
 * by runtime where that tells them apart, else by their full label.
 */
export function categoryLabel(strategy: string, suite: string, series: Series[]): string | string[] {
  const byRuntime = new Set(series.map((s) => s.runtime)).size === series.length;
  const missing = new Map<string, string[]>();
  for (const s of series) {
    const cell = cellFor(s, suite, strategy);
    if (cell?.status === 'completed') continue;
    const status = cell?.status ?? 'not run';
    missing.set(status, [...(missing.get(status) ?? []), byRuntime ? s.runtime : s.label]);
  }
  if (missing.size === 0) return strategy;
  const all = [...missing.values()].flat().length === series.length;
  const why = [...missing].map(([status, who]) => (all && missing.size === 1 ? status : `${status} on ${who.join(', ')}`));
  return [strategy, `(${why.join('; ')})`];
}

function barDataset(spec: KindSpec, series: Series, suite: string, strategies: string[], palette: StrategyPalette): BarDataset {
  const shade = seriesShade(series);
  const figures = strategies.map((strategy): Figure => {
    const cell = cellFor(series, suite, strategy);
    return cell?.status === 'completed' && cell.scenario === spec.scenario ? spec.figure(cell, series, suite) : { value: null };
  });
  const colours = strategies.map((strategy) => palette.colour(strategy));
  const dataset: BarDataset = {
    type: 'bar',
    label: series.label,
    data: figures.map((f) => (f.value !== null && Number.isFinite(f.value) ? f.value : null)),
    backgroundColor: colours.map((colour) => withAlpha(colour, shade.fillAlpha)),
    borderColor: colours,
    borderWidth: shade.borderWidth,
    pointStyle: 'rect',
    legendSwatch: { fill: withAlpha(LEGEND_GREY, shade.fillAlpha), stroke: LEGEND_GREY, lineWidth: shade.borderWidth },
  };
  if (figures.some((f) => f.whisker)) dataset.whiskers = figures.map((f) => f.whisker ?? null);
  return dataset;
}

/** Dashed line at min(workers, cores): the best a perfectly parallel strategy could do. */
function idealLines(series: Series[], strategies: string[]): LineDataset[] {
  const ideals = new Map<number, string>();
  for (const s of series) {
    // The series' own cells and machine: a merged file's config and context are its first source's.
    const pooled = s.cells.filter((cell) => cell.strategy !== BASELINE_STRATEGY).map((cell) => cell.workers);
    const workers = pooled.length > 0 ? Math.max(...pooled) : s.result.config.workers;
    const { cores } = s.context.cpu;
    const ideal = Math.min(workers, cores);
    if (!ideals.has(ideal)) ideals.set(ideal, `ideal: min(${workers} workers, ${cores} cores) = ${ideal}×`);
  }
  return [...ideals].map(([ideal, label], i) => ({
    type: 'line',
    label,
    data: strategies.map(() => ideal),
    borderColor: '#222222',
    borderDash: i === 0 ? [8, 5] : [2, 4],
    borderWidth: 2,
    pointRadius: 0,
    pointStyle: 'line',
    fill: false,
  }));
}

interface Axis {
  log: boolean;
  /** Where zeros are drawn on a log axis, which cannot show them. */
  floor?: number;
  min?: number;
  max?: number;
  suggestedMax?: number;
}

/** The largest 1, 2 or 5 × 10^n not above `value`: a log axis starting there shows the smallest bar. */
function niceFloor(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return [5, 2, 1].map((m) => m * power).find((candidate) => candidate <= value) ?? power;
}

/** The smallest 1, 2 or 5 × 10^n not below `value`: a log axis ending there has a labelled top. */
function niceCeil(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= value) ?? 10 * power;
}

/** A linear axis reaches this far past the highest bar or line to show a whisker in full. */
const WHISKER_HEADROOM = 2;

/**
 * Log axis when positive values span orders of magnitude. Chart.js sizes an axis from
 * bar values alone, so the axis is stretched to reach whiskers and reference lines, but
 * on a linear axis not so far that the interval of a two-round run flattens every bar.
 */
function chooseAxis(datasets: BarDataset[], lines: LineDataset[], mayUseLog: boolean): Axis {
  const bars = datasets.flatMap((d) => d.data.filter((v): v is number => v !== null));
  const whiskers = datasets.flatMap((d) => (d.whiskers ?? []).flatMap((w) => w ?? []));
  const values = [...bars, ...whiskers];
  const highest = Math.max(0, ...values, ...lines.flatMap((line) => line.data));
  const positive = values.filter((v) => v > 0);
  const span = positive.length > 0 ? Math.max(...positive) / Math.min(...positive) : 1;
  if (!mayUseLog || span < LOG_SPAN) {
    const highestBar = Math.max(0, ...bars, ...lines.flatMap((line) => line.data));
    return { log: false, suggestedMax: Math.min(highest, highestBar * WHISKER_HEADROOM) * 1.06 };
  }
  const lowest = Math.min(...positive);
  const floor = positive.length === values.length ? undefined : lowest / 2;
  return { log: true, floor, min: niceFloor((floor ?? lowest) * 0.8), max: niceCeil(highest * 1.1) };
}

function applyFloor(datasets: BarDataset[], floor: number): void {
  for (const dataset of datasets) {
    dataset.data = dataset.data.map((v) => (v !== null && v <= 0 ? floor : v));
  }
}

function formatMs(ms: number): string {
  return ms >= 1 ? ms.toFixed(1) : ms.toPrecision(2);
}

const FONT = { title: 17, subtitle: 12.5, axisTitle: 13, ticks: 12.5, legend: 12.5 };

function chartOptions(title: string, subtitle: string, yTitle: string, axis: Axis, legend: boolean): ChartOptions<'bar'> {
  return {
    animation: false,
    layout: { padding: { top: 4, right: 16, bottom: 4, left: 8 } },
    plugins: {
      title: { display: true, text: title, font: { size: FONT.title, weight: 'bold' }, color: '#111111', padding: { top: 4, bottom: 2 } },
      subtitle: { display: true, text: subtitle, font: { size: FONT.subtitle }, color: '#444444', padding: { bottom: 8 } },
      legend: {
        display: legend,
        position: 'top',
        labels: { font: { size: FONT.legend }, color: '#222222', usePointStyle: true, pointStyleWidth: 28 },
      },
    },
    scales: {
      x: {
        title: { display: true, text: 'strategy', font: { size: FONT.axisTitle }, color: '#222222' },
        ticks: { font: { size: FONT.ticks }, color: '#222222', autoSkip: false, maxRotation: 40 },
        grid: { display: false },
      },
      y: {
        type: axis.log ? 'logarithmic' : 'linear',
        beginAtZero: !axis.log,
        ...(axis.min === undefined ? {} : { min: axis.min }),
        ...(axis.max === undefined ? {} : { max: axis.max }),
        ...(axis.suggestedMax === undefined ? {} : { suggestedMax: axis.suggestedMax }),
        title: { display: true, text: yTitle, font: { size: FONT.axisTitle }, color: '#222222' },
        ticks: { font: { size: FONT.ticks }, color: '#222222' },
        grid: { color: '#e3e3e3' },
      },
    },
  };
}

function suiteHeading(suite: string, series: Series[]): string {
  const sizes = distinct(series.flatMap((s) => s.cells.filter((c) => c.suite === suite).map((c) => c.size.toLocaleString('en-US'))));
  return sizes === '' ? suite : `${suite} (size ${sizes})`;
}

function buildChart(spec: KindSpec, context: SuiteContext, palette: StrategyPalette): BenchChart | undefined {
  const { suite } = context;
  // A report of a `bench run` file and a `bench http` file: each chart shows its scenario's series and strategies only.
  const ofScenario = (s: Series, strategy: string): boolean => cellFor(s, suite, strategy)?.scenario === spec.scenario;
  const series = context.series.filter((s) => palette.order.some((strategy) => ofScenario(s, strategy)));
  let strategies = palette.order.filter((strategy) => series.some((s) => ofScenario(s, strategy)));
  const datasets = series.map((s) => barDataset(spec, s, suite, strategies, palette));
  // A strategy that starts nothing (main-thread) has no startup figure: drop its empty
  // slot, but keep slots left empty by errors and skips, whose label says why.
  const keep = strategies.map(
    (strategy, i) =>
      spec.kind !== 'startup' ||
      datasets.some((d) => d.data[i] !== null) ||
      series.some((s) => {
        const cell = cellFor(s, suite, strategy);
        return cell !== undefined && cell.status !== 'completed';
      }),
  );
  strategies = strategies.filter((_, i) => keep[i]);
  for (const d of datasets) {
    d.data = d.data.filter((_, i) => keep[i]);
    d.backgroundColor = d.backgroundColor.filter((_, i) => keep[i]);
    d.borderColor = d.borderColor.filter((_, i) => keep[i]);
    if (d.whiskers) d.whiskers = d.whiskers.filter((_, i) => keep[i]);
  }
  if (!datasets.some((d) => d.data.some((v) => v !== null))) return undefined;

  const lines = spec.kind === 'speedup' ? idealLines(series, strategies) : [];
  const axis = chooseAxis(datasets, lines, spec.mayUseLog);
  if (axis.floor !== undefined) applyFloor(datasets, axis.floor);
  const logNote = !axis.log ? '' : axis.floor === undefined ? ' · log scale' : ` · log scale, 0 drawn at ${formatMs(axis.floor)} ms`;
  const title = `${suiteHeading(suite, series)}: ${spec.heading}`;
  return {
    id: `${suite}-${spec.kind}`, // made file-name safe and unique by buildCharts
    suite,
    kind: spec.kind,
    title,
    config: {
      type: 'bar',
      data: { labels: strategies.map((strategy) => categoryLabel(strategy, suite, series)), datasets: [...datasets, ...lines] },
      options: chartOptions(title, spec.subtitle(context) + logNote, spec.yTitle, axis, datasets.length > 1 || lines.length > 0),
    },
  };
}

/** Suite names come from user suites: anything may be in them, a path separator included. */
function uniqueSlug(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 80) || 'chart';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

function loadOf(load: NonNullable<RunResult['config']['http']>): string {
  const window = load.durationMs !== null ? `${load.durationMs / 1000} s window` : `${load.amount ?? 0} requests`;
  return `${load.connections} connections, ${window}`;
}

/** Every chart of a report: per suite, one of each kind that has data. */
export function buildCharts(results: readonly RunResult[]): ChartSet {
  const series = buildSeries(results);
  const palette = makePalette(results.flatMap((result) => result.cells.map((cell) => cell.strategy)));
  const suites = suitesOf(results);
  const charts = suites.flatMap((suite) => {
    // A study's cells span sizes or worker counts: one bar per strategy would pick one of them at random.
    const present = series.filter(
      (s) => s.cells.some((cell) => cell.suite === suite) && studyOf(s.result) === undefined && payloadStudyOf(s.result) === undefined,
    );
    const context: SuiteContext = {
      suite,
      series: present,
      workers: distinct(present.map((s) => s.result.config.workers)),
      rounds: distinct(present.map((s) => s.result.config.rounds)),
      load: distinct(present.flatMap((s) => (s.result.config.http ? [loadOf(s.result.config.http)] : []))),
    };
    return [...KINDS.flatMap((spec) => buildChart(spec, context, palette) ?? []), ...buildPhaseCharts(context, palette.order)];
  });
  const taken = new Set<string>();
  for (const chart of charts) chart.id = uniqueSlug(chart.id, taken);
  return { series, palette, suites, charts, studies: [...buildStudyCharts(results, palette), ...buildAbCharts(results)] };
}
