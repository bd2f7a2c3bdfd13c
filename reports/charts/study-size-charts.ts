import type { CompletedCell } from '../../runners/contract/results.js';
import type { Crossover } from '../../runners/contract/study.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { formatSize } from '../format/study-format.js';
import type { StrategyPalette } from './palette.js';
import { INK, axis, guide, line, logBounds, options, type StudyChart, type StudyDataset } from './study-chart-kit.js';

interface SizeGroup {
  suite: string;
  runtime: string;
  crossovers: Crossover[];
  cells: CompletedCell[];
}

export function sizeCharts(group: SizeGroup, palette: StrategyPalette, heading: string): Array<Omit<StudyChart, 'id' | 'fileIndex'>> {
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
      // Each interval in its line's colour: black whiskers could not be told apart where lines meet.
      whiskerColour: palette.colour(strategy),
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
      whiskerColour: palette.colour(c.strategy),
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
