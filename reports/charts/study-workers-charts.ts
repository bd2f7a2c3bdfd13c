import type { Scaling } from '../../runners/contract/study.js';
import { formatCoefficient } from '../format/study-format.js';
import { uslThroughput } from '../decide/study/usl.js';
import type { StrategyPalette } from './palette.js';
import { GUIDE, INK, axis, guide, line, options, type StudyChart, type StudyDataset } from './study-chart-kit.js';

export function workersCharts(
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
        whiskerColour: colour,
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
        whiskerColour: palette.colour(s.strategy),
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
