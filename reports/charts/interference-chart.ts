/**
 * Interference per round: for each suite and size of a series, one small chart with a line per
 * strategy of its rounds' interference (RoundSample.cpu: the share of the time the strategy's
 * threads wanted a CPU that other programs held it), in the palette's colours. Rounds another
 * program disturbed, kept aside and measured again (disturbedRounds), are crosses at their round
 * number beside the round that replaced them, and the run's redo threshold a dashed line. Charts
 * only where some round recorded interference, so older files' reports look as before. Drawn with
 * the study charts' parts and the shared plugin.
 */
import type { CellResult, RoundSample } from '../../runners/contract/results.js';
import { payloadStudyOf } from '../payload-of.js';
import { studyOf } from '../study-of.js';
import { strategyLabeller } from '../format/strategy-label.js';
import type { ChartSet } from './charts.js';
import { axis, guide, line, options, type StudyChartConfig, type StudyDataset, type XY } from './study-chart-kit.js';
import type { Series } from './series.js';

export interface InterferenceChart {
  /** Unique within a report: `interference-<n>`, apart from every suite-named chart id. */
  id: string;
  suite: string;
  title: string;
  config: StudyChartConfig;
}

const points = (rounds: readonly RoundSample[]): XY[] =>
  rounds.flatMap((r) => {
    const interference = r.cpu?.interference;
    return interference === null || interference === undefined ? [] : [{ x: r.round, y: interference * 100 }];
  });

const batchRounds = (cell: CellResult): { kept: readonly RoundSample[]; redone: readonly RoundSample[] } =>
  cell.scenario === 'batch' && cell.status !== 'skipped'
    ? { kept: cell.rounds, redone: cell.disturbedRounds ?? [] }
    : { kept: [], redone: [] };

const percent = (share: number): string => `${Math.round(share * 1000) / 10} %`;

function chartOf(
  set: ChartSet,
  series: Series,
  suite: string,
  size: number,
  manySeries: boolean,
): Omit<InterferenceChart, 'id'> | undefined {
  const cells = series.cells
    .filter((cell) => cell.suite === suite && cell.size === size)
    .sort((a, b) => set.palette.rank(a.strategy) - set.palette.rank(b.strategy));
  const labelOf = strategyLabeller(cells);
  const datasets: StudyDataset[] = cells.flatMap((cell) => {
    const { kept, redone } = batchRounds(cell);
    const colour = set.palette.colour(cell.strategy);
    const label = labelOf(cell);
    const own = points(kept);
    const disturbed = points(redone);
    return [
      ...(own.length > 0 ? [line(label, own, colour, { pointRadius: 3, borderWidth: 1.5 })] : []),
      ...(disturbed.length > 0
        ? [
            line(`${label}: redone (disturbed)`, disturbed, colour, {
              showLine: false,
              pointStyle: 'crossRot',
              pointRadius: 7,
              borderWidth: 2,
            }),
          ]
        : []),
    ];
  });
  if (datasets.length === 0) return undefined;
  const xs = datasets.flatMap((d) => d.data.map((p) => p.x));
  const left = Math.min(...xs) - 0.5;
  const right = Math.max(...xs) + 0.5;
  const above = series.result.config.disturbedAbove;
  const threshold =
    above === undefined
      ? []
      : [
          guide(
            `redone above ${percent(above)}`,
            [
              { x: left, y: above * 100 },
              { x: right, y: above * 100 },
            ],
            [6, 4],
          ),
        ];
  const highest = Math.max(...datasets.flatMap((d) => d.data.map((p) => p.y)), above === undefined ? 0 : above * 100);
  // At least 0–5 %: a quiet machine's near-zero rounds should read as near zero, not fill the chart.
  const top = Math.min(100, Math.max(5, Math.ceil((highest * 1.15) / 5) * 5));
  const title = `${suite} (size ${size.toLocaleString('en-US')}): interference per round${manySeries ? ` · ${series.label}` : ''}`;
  const subtitle = 'share of the time the strategy’s threads waited for a CPU other programs held · crosses: rounds redone';
  return {
    suite,
    title,
    config: {
      type: 'scatter',
      data: { datasets: [...threshold, ...datasets] },
      options: options(title, subtitle, axis('linear', 'round', left, right), axis('linear', 'interference (%)', 0, top)),
    },
  };
}

/** Every interference chart of a report, in series, then suite, then size order. */
export function buildInterferenceCharts(set: ChartSet): InterferenceChart[] {
  // A study's cells span sizes or worker counts: its rounds are not one run of each strategy.
  const measured = set.series.filter((s) => studyOf(s.result) === undefined && payloadStudyOf(s.result) === undefined);
  const charts = measured.flatMap((series) =>
    set.suites.flatMap((suite) => {
      const sizes = [...new Set(series.cells.filter((cell) => cell.suite === suite).map((cell) => cell.size))];
      return sizes.flatMap((size) => chartOf(set, series, suite, size, set.series.length > 1) ?? []);
    }),
  );
  return charts.map((chart, i) => ({ ...chart, id: `interference-${i + 1}` }));
}
