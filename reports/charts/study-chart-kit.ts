/**
 * The parts every study chart is made of: its types, a line, a guide line, the axes and the
 * options, as plain JSON Chart.js configurations the shared plugin draws (PNG and HTML alike).
 */
import type { ChartOptions } from 'chart.js';
import type { DatasetExtras } from './chart-plugin.js';

/** `ab-ratios`: a `bench ab` cell's per-pair ratios (ab-charts.ts), drawn with the same parts. */
export type StudyChartKind =
  | 'study-throughput'
  | 'study-speedup'
  | 'study-scaling'
  | 'study-efficiency'
  | 'ab-ratios'
  // A payload study (study-payload-charts.ts): round trip and MB/s against payload, log–log.
  | 'study-payload-round-trip'
  | 'study-payload-rate';

export interface XY {
  x: number;
  y: number;
}

export interface StudyDataset extends DatasetExtras {
  type: 'scatter';
  label: string;
  data: XY[];
  showLine: boolean;
  borderColor: string;
  backgroundColor: string;
  pointBackgroundColor: string | string[];
  pointBorderColor: string | string[];
  pointRadius: number;
  pointStyle: string;
  borderWidth: number;
  borderDash: number[];
  fill: false;
}

export interface StudyChartConfig {
  type: 'scatter';
  data: { datasets: StudyDataset[] };
  options: ChartOptions<'scatter'>;
}

export interface StudyChart {
  /** Unique within a report and file-name safe. */
  id: string;
  /** The results file it belongs to, and its study's kind: the HTML report groups charts by study. */
  fileIndex: number;
  kind: StudyChartKind;
  suite: string;
  title: string;
  config: StudyChartConfig;
}

export const INK = '#222222';
export const GUIDE = '#8a8a8a';

export function line(label: string, data: XY[], colour: string, extra: Partial<StudyDataset> = {}): StudyDataset {
  return {
    type: 'scatter',
    label,
    data,
    showLine: true,
    borderColor: colour,
    backgroundColor: colour,
    pointBackgroundColor: colour,
    pointBorderColor: colour,
    pointRadius: 4,
    pointStyle: 'circle',
    borderWidth: 2,
    borderDash: [],
    fill: false,
    ...extra,
  };
}

export const guide = (label: string, data: XY[], dash: number[], colour = INK): StudyDataset =>
  line(label, data, colour, { pointRadius: 0, pointStyle: 'line', borderDash: dash, borderWidth: 1.5 });

export function axis(type: 'linear' | 'logarithmic', title: string, min?: number, max?: number) {
  return {
    type,
    title: { display: true, text: title, font: { size: 13 }, color: INK },
    ticks: { font: { size: 12.5 }, color: INK },
    grid: { color: '#e3e3e3' },
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  };
}

export function options(title: string, subtitle: string, x: ReturnType<typeof axis>, y: ReturnType<typeof axis>): ChartOptions<'scatter'> {
  return {
    animation: false,
    layout: { padding: { top: 4, right: 20, bottom: 4, left: 8 } },
    plugins: {
      title: { display: true, text: title, font: { size: 17, weight: 'bold' }, color: '#111111', padding: { top: 4, bottom: 2 } },
      subtitle: { display: true, text: subtitle, font: { size: 12.5 }, color: '#444444', padding: { bottom: 8 } },
      legend: { display: true, position: 'top', labels: { font: { size: 12 }, color: INK, usePointStyle: true, boxHeight: 8 } },
    },
    scales: { x, y },
  };
}

/** Bounds of a log axis at 1, 2 or 5 × 10^n around the values, so its ends are labelled. */
export function logBounds(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const low = Math.min(...positive) * 0.8;
  const high = Math.max(...positive) * 1.25;
  const nice = (v: number, up: boolean): number => {
    const power = 10 ** Math.floor(Math.log10(v));
    const steps = up ? [1, 2, 5, 10] : [10, 5, 2, 1];
    return steps.map((m) => m * power).find((c) => (up ? c >= v : c <= v)) ?? power;
  };
  return [nice(low, false), nice(high, true)];
}
