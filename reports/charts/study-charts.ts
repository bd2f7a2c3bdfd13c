/**
 * The charts of a study (a results file with a `study` block), as plain JSON Chart.js
 * configurations like charts.ts builds, drawn by the same plugin in the PNG renderer and
 * the HTML page. Numeric x axes (size, workers) instead of strategy categories:
 *
 * - size study: tasks/s against size (log–log), one line per strategy, crossovers marked
 *   and labelled; speedup over main-thread against size, with the line at 1×;
 * - workers study: speedup against workers with the ideal min(N, cores), the USL curve
 *   (Amdahl's where there is no USL fit), and efficiency against workers; the cores
 *   boundary drawn, points above it hollow.
 *
 * Whiskers are the rounds' 95 % intervals everywhere.
 */
import type { ChartOptions } from 'chart.js';
import type { CompletedCell, RunResult } from '../../runners/contract/results.js';
import type { Crossover, Scaling, Study } from '../../runners/contract/study.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { completedBatch, groupBy } from '../study/scaling.js';
import { studyOf } from '../study/study-of.js';
import { formatCoefficient, formatSize } from '../study/study-format.js';
import { uslThroughput } from '../study/usl.js';
import type { DatasetExtras } from './chart-plugin.js';
import type { StrategyPalette } from './palette.js';

export type StudyChartKind = 'study-throughput' | 'study-speedup' | 'study-scaling' | 'study-efficiency';

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

const INK = '#222222';
const GUIDE = '#8a8a8a';

function line(label: string, data: XY[], colour: string, extra: Partial<StudyDataset> = {}): StudyDataset {
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

const guide = (label: string, data: XY[], dash: number[], colour = INK): StudyDataset =>
  line(label, data, colour, { pointRadius: 0, pointStyle: 'line', borderDash: dash, borderWidth: 1.5 });

function axis(type: 'linear' | 'logarithmic', title: string, min?: number, max?: number) {
  return {
    type,
    title: { display: true, text: title, font: { size: 13 }, color: INK },
    ticks: { font: { size: 12.5 }, color: INK },
    grid: { color: '#e3e3e3' },
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  };
}

function options(title: string, subtitle: string, x: ReturnType<typeof axis>, y: ReturnType<typeof axis>): ChartOptions<'scatter'> {
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
function logBounds(values: readonly number[]): [number, number] {
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

interface SizeGroup {
  suite: string;
  runtime: string;
  crossovers: Crossover[];
  cells: CompletedCell[];
}

function sizeCharts(group: SizeGroup, palette: StrategyPalette, heading: string): Array<Omit<StudyChart, 'id' | 'fileIndex'>> {
  const { suite, crossovers, cells } = group;
  const strategies = palette.order.filter((s) => cells.some((c) => c.strategy === s));
  const sizes = cells.map((c) => c.size);
  const crossed = crossovers.filter((c) => c.status === 'crossed' && c.size !== null && c.taskMs !== null);
  const colourOf = crossed.map((c) => palette.colour(c.strategy));
  const markers = (y: (c: Crossover) => number): StudyDataset => ({
    ...line(
      'crossover',
      crossed.map((c) => ({ x: c.size!, y: y(c) })),
      INK,
      { showLine: false, pointRadius: 8, pointStyle: 'triangle', pointBackgroundColor: colourOf, pointBorderColor: INK, borderWidth: 1 },
    ),
    pointLabels: crossed.map((c) => `${c.strategy} pays from ${formatSize(c.size!)}`),
  });

  const throughput = strategies.map((strategy) => {
    const own = cells.filter((c) => c.strategy === strategy).sort((a, b) => a.size - b.size);
    return {
      ...line(
        strategy,
        own.map((c) => ({ x: c.size, y: c.throughput.tasksPerSec })),
        palette.colour(strategy),
      ),
      whiskers: own.map((c): [number, number] => [c.throughput.ci95[0], c.throughput.ci95[1]]),
    };
  });
  const rates = cells.map((c) => c.throughput.tasksPerSec);
  // A sweep within one decade (fib's n: 20…32, itself an exponent of the work) would crowd
  // into a sliver of a log axis whose labels sit at 1, 2, 5 × 10^n: such sizes go linear.
  const logSize = Math.max(...sizes) / Math.min(...sizes) >= 10;
  const pad = (Math.max(...sizes) - Math.min(...sizes)) * 0.05 || 1;
  const [xMin, xMax] = logSize ? logBounds(sizes) : [Math.floor(Math.min(...sizes) - pad), Math.ceil(Math.max(...sizes) + pad)];
  const sizeAxis = (): ReturnType<typeof axis> =>
    axis(logSize ? 'logarithmic' : 'linear', `task size${logSize ? ' (log)' : ''}`, xMin, xMax);
  const [yMin, yMax] = logBounds(rates);
  const tpsTitle = `${heading}: tasks/s against size`;

  const ratioCurves = crossovers
    .filter((c) => c.ratios.length > 0)
    .map((c) => ({
      ...line(
        c.strategy,
        c.ratios.map((r) => ({ x: r.size, y: r.ratio })),
        palette.colour(c.strategy),
      ),
      // An unbounded interval (the baseline's reaching zero) runs to the top of the plot.
      whiskers: c.ratios.map((r): [number, number] => [r.low, r.high ?? Number.MAX_VALUE]),
    }));
  const ratios = crossovers.flatMap((c) => c.ratios.map((r) => r.ratio));
  const [rMin, rMax] = logBounds([...ratios, 1]);
  const logRatio = rMax / rMin > 30;
  const speedupTitle = `${heading}: speedup over ${BASELINE_STRATEGY} against size`;
  return [
    {
      kind: 'study-throughput',
      suite,
      title: tpsTitle,
      config: {
        type: 'scatter',
        data: { datasets: [...throughput, markers((c) => 1000 / c.taskMs!)] },
        options: options(
          tpsTitle,
          `median tasks/s of the rounds · whisker: 95 % interval · ▲ where a strategy starts to beat main-thread · ${logSize ? 'log–log' : 'log tasks/s'}`,
          sizeAxis(),
          axis('logarithmic', 'tasks per second (log), higher is better', yMin, yMax),
        ),
      },
    },
    {
      kind: 'study-speedup',
      suite,
      title: speedupTitle,
      config: {
        type: 'scatter',
        data: {
          datasets: [
            ...ratioCurves,
            guide(
              `1× = ${BASELINE_STRATEGY}`,
              [
                { x: xMin, y: 1 },
                { x: xMax, y: 1 },
              ],
              [8, 5],
            ),
            markers(() => 1),
          ],
        },
        options: options(
          speedupTitle,
          `tasks/s ÷ ${BASELINE_STRATEGY}'s at each size · whisker: ratio of the 95 % intervals · dashed: break-even`,
          sizeAxis(),
          axis(
            logRatio ? 'logarithmic' : 'linear',
            `× ${BASELINE_STRATEGY}${logRatio ? ' (log)' : ''}, higher is better`,
            logRatio ? rMin : 0,
            logRatio ? rMax : Math.max(...ratios, 1) * 1.2,
          ),
        ),
      },
    },
  ];
}

function workersCharts(
  scalings: readonly Scaling[],
  cores: number,
  palette: StrategyPalette,
  heading: string,
): Array<Omit<StudyChart, 'id' | 'fileIndex'>> {
  const suite = scalings[0]!.suite;
  const counts = scalings.flatMap((s) => s.points.map((p) => p.workers));
  const top = Math.max(...counts, cores);
  const ordered = [...scalings].sort((a, b) => palette.rank(a.strategy) - palette.rank(b.strategy));
  const fill = (s: Scaling): string[] => s.points.map((p) => (p.overCores ? '#ffffff' : palette.colour(s.strategy)));
  const oneWorker = (s: Scaling): number | undefined => s.points.find((p) => p.workers === 1)?.tasksPerSec;
  const curveAt = Array.from({ length: 61 }, (_, i) => 1 + ((top - 1) * i) / 60);
  // Strategies measured at the same counts would stack their whiskers into one bar: each
  // strategy's points sit a little to one side of the count (the curves stay on it).
  const dodge = (s: Scaling): number => (ordered.indexOf(s) - (ordered.length - 1) / 2) * top * 0.008;

  const speedups = ordered
    .filter((s) => oneWorker(s) !== undefined)
    .flatMap((s) => {
      const base = oneWorker(s)!;
      const colour = palette.colour(s.strategy);
      const measured = {
        ...line(
          s.strategy,
          s.points.map((p) => ({ x: p.workers + dodge(s), y: p.tasksPerSec / base })),
          colour,
          { showLine: false, pointRadius: 5, pointBackgroundColor: fill(s) },
        ),
        whiskers: s.points.map((p): [number, number] => [p.ci95[0] / base, p.ci95[1] / base]),
      };
      const fit = s.usl
        ? {
            label: `${s.strategy} USL (σ ${formatCoefficient(s.usl.sigma)}, κ ${formatCoefficient(s.usl.kappa)})`,
            params: s.usl,
            dash: [6, 3],
          }
        : s.amdahl
          ? { label: `${s.strategy} Amdahl (σ ${formatCoefficient(s.amdahl.sigma)})`, params: { ...s.amdahl, kappa: 0 }, dash: [2, 3] }
          : undefined;
      const curve = fit
        ? [
            line(
              fit.label,
              curveAt.map((n) => ({ x: n, y: uslThroughput(fit.params, n) / base })),
              colour,
              { pointRadius: 0, pointStyle: 'line', borderDash: fit.dash, borderWidth: 1.5 },
            ),
          ]
        : [];
      return [measured, ...curve];
    });
  const speedupMax = Math.max(cores, ...speedups.flatMap((d) => d.data.map((p) => p.y))) * 1.15;
  const ideal = guide(
    `ideal: min(N, ${cores} cores)`,
    [...new Set([1, ...counts, cores, top])].sort((a, b) => a - b).map((n) => ({ x: n, y: Math.min(n, cores) })),
    [8, 5],
  );
  const boundary = (yMax: number): StudyDataset =>
    guide(
      `${cores} cores (hollow points: more workers than cores)`,
      [
        { x: cores, y: 0 },
        { x: cores, y: yMax },
      ],
      [2, 3],
      GUIDE,
    );
  const scalingTitle = `${heading}: speedup against workers`;

  const efficiencies = ordered
    .filter((s) => s.points.some((p) => p.efficiency !== null))
    .map((s) => {
      const points = s.points.filter((p) => p.efficiency !== null);
      const base = oneWorker(s) ?? 1;
      return {
        ...line(
          s.strategy,
          points.map((p) => ({ x: p.workers + dodge(s), y: p.efficiency! })),
          palette.colour(s.strategy),
          { pointRadius: 5, pointBackgroundColor: points.map((p) => (p.overCores ? '#ffffff' : palette.colour(s.strategy))) },
        ),
        whiskers: points.map((p): [number, number] => [p.ci95[0] / base / p.workers, p.ci95[1] / base / p.workers]),
      };
    });
  const efficiencyMax = Math.max(1, ...efficiencies.flatMap((d) => d.data.map((p) => p.y))) * 1.15;
  const efficiencyTitle = `${heading}: parallel efficiency against workers`;
  const x = {
    ...axis('linear', 'workers', 0, top + 0.5),
    ticks: { font: { size: 12.5 }, color: INK, stepSize: top <= 16 ? 1 : top <= 64 ? 4 : 16 },
  };
  return [
    {
      kind: 'study-scaling',
      suite,
      title: scalingTitle,
      config: {
        type: 'scatter',
        data: { datasets: [...speedups, ideal, boundary(speedupMax)] },
        options: options(
          scalingTitle,
          "tasks/s ÷ the strategy's own 1-worker rate · whisker: 95 % interval · dashed: fitted law · past the cores, drops are time-slicing",
          x,
          axis('linear', 'speedup, higher is better', 0, speedupMax),
        ),
      },
    },
    {
      kind: 'study-efficiency',
      suite,
      title: efficiencyTitle,
      config: {
        type: 'scatter',
        data: {
          datasets: [
            ...efficiencies,
            guide(
              'ideal: 1',
              [
                { x: 0, y: 1 },
                { x: top + 0.5, y: 1 },
              ],
              [8, 5],
            ),
            boundary(efficiencyMax),
          ],
        },
        options: options(
          efficiencyTitle,
          'speedup ÷ workers · whisker: 95 % interval · hollow: more workers than cores',
          x,
          axis('linear', 'efficiency, 1 is perfect', 0, efficiencyMax),
        ),
      },
    },
  ];
}

function slug(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 80) || 'study';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function chartsOfStudy(result: RunResult, study: Study, palette: StrategyPalette): Array<Omit<StudyChart, 'id' | 'fileIndex'>> {
  const cells = completedBatch(result);
  const runtimes = new Set(result.cells.map((c) => c.runtime)).size;
  const onRuntime = (runtime: string): string => (runtimes > 1 ? ` on ${runtime}` : '');
  if (study.kind === 'size') {
    return groupBy(study.crossovers, (c) => `${c.suite}\u0000${c.runtime}`).flatMap((crossovers) => {
      const { suite, runtime } = crossovers[0]!;
      const workers = new Set(crossovers.map((c) => c.workers));
      const own = cells.filter(
        (c) => c.suite === suite && c.runtime === runtime && (c.strategy === BASELINE_STRATEGY || workers.has(c.workers)),
      );
      return own.length === 0 ? [] : sizeCharts({ suite, runtime, crossovers, cells: own }, palette, `${suite}${onRuntime(runtime)}`);
    });
  }
  return groupBy(study.scaling, (s) => [s.suite, s.runtime, s.size].join('\u0000')).flatMap((group) => {
    const { suite, runtime, size } = group[0]!;
    return group.some((s) => s.points.length > 0)
      ? workersCharts(group, study.cores, palette, `${suite}(${size})${onRuntime(runtime)} on ${study.cores} cores`)
      : [];
  });
}

/** Every study chart of a report, per file with a study block, in file order. */
export function buildStudyCharts(results: readonly RunResult[], palette: StrategyPalette): StudyChart[] {
  const taken = new Set<string>();
  return results.flatMap((result, fileIndex) => {
    const study = studyOf(result);
    if (!study) return [];
    return chartsOfStudy(result, study, palette).map((chart) => ({
      ...chart,
      fileIndex,
      id: slug(`${chart.kind}-${chart.suite}${results.length > 1 ? `-${fileIndex + 1}` : ''}`, taken),
    }));
  });
}
