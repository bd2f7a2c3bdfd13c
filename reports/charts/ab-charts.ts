/**
 * The charts of a `bench ab` results file: per cell, a strip chart of the pairs in the order
 * they ran, each pair's B ÷ A ratio of both metrics around 1, with the ±threshold band and,
 * right of the pairs, the median ratio and its interval at the deciding look. Drift shows up
 * as a trend, a disturbed pair as a lone point, and the verdict as where the interval lies
 * against the band. Study charts' parts and plugin draw it, so PNG and HTML alike.
 */
import type { AbCell, AbDecision, AbMetric, AbStudy } from '../../runners/contract/ab.js';
import type { RunResult } from '../../runners/contract/results.js';
import { abOf } from '../ab-of.js';
import { cellName, METRIC_LABEL, percentText } from '../format/ab-text.js';
import { metricRatios, pairRounds } from '../decide/ab/pairs.js';
import { GUIDE, INK, axis, guide, line, options, type StudyChart, type StudyDataset, type XY } from './study-chart-kit.js';

const COLOUR: Record<AbMetric, string> = { throughput: '#1f77b4', p50: '#d95f02' };
const MARK: Record<AbMetric, string> = { throughput: 'circle', p50: 'triangle' };
const BAND = '#2e7d32';

/** Where each metric's summary point stands, right of the last pair. */
const SUMMARY_OFFSET: Record<AbMetric, number> = { throughput: 1, p50: 1.6 };

function ratioPoints(cell: AbCell, metric: AbMetric): XY[] {
  return pairRounds(cell.rounds).flatMap((p, i) => {
    const ratio = p.ratios[metric];
    return ratio === null ? [] : [{ x: i + 1, y: ratio }];
  });
}

function summary(metric: AbMetric, decision: AbDecision, x: number): StudyDataset {
  const look = `look ${decision.look}, ${decision.pairs} pairs`;
  return {
    ...line(
      `${METRIC_LABEL[metric]}: median, interval (${look}): ${decision.verdict ?? 'undecided'}`,
      [{ x, y: decision.medianRatio }],
      COLOUR[metric],
      {
        showLine: false,
        pointRadius: 7,
        pointStyle: 'rectRot',
        pointBorderColor: INK,
        borderWidth: 1,
      },
    ),
    whiskers: [decision.interval],
    // The two metrics' intervals stand side by side: each in its metric's colour, as its points.
    whiskerColour: COLOUR[metric],
  };
}

function cellChart(study: AbStudy, cell: AbCell): Omit<StudyChart, 'id' | 'fileIndex'> | null {
  const pairs = pairRounds(cell.rounds).length;
  if (pairs === 0) return null;
  const t = study.threshold;
  const right = pairs + 2;
  const metrics: AbMetric[] = ['throughput', 'p50'];
  const points = metrics.map((metric) =>
    line(`${METRIC_LABEL[metric]} B ÷ A`, ratioPoints(cell, metric), COLOUR[metric], {
      showLine: false,
      pointStyle: MARK[metric],
      pointRadius: 4,
    }),
  );
  const summaries = metrics.flatMap((metric) => {
    const d = cell.decisions[metric];
    return d ? [summary(metric, d, pairs + SUMMARY_OFFSET[metric])] : [];
  });
  // Both edges of the band in one dataset (one legend entry): the NaN point breaks the line between them.
  const band = guide(
    `±${percentText(t)} threshold band`,
    [
      { x: 0.5, y: 1 - t },
      { x: right, y: 1 - t },
      { x: Number.NaN, y: Number.NaN },
      { x: 0.5, y: 1 + t },
      { x: right, y: 1 + t },
    ],
    [6, 4],
    BAND,
  );
  const one = guide(
    'no change (1×)',
    [
      { x: 0.5, y: 1 },
      { x: right, y: 1 },
    ],
    [],
    GUIDE,
  );
  const values = [
    1 - t,
    1 + t,
    ...metrics.flatMap((m) => metricRatios(pairRounds(cell.rounds), m)),
    ...summaries.flatMap((s) => s.whiskers?.flatMap((w) => w ?? []) ?? []),
  ];
  // Ends on a tick step (0.05, or 0.1 for a wide range), so the axis labels its own ends instead of an odd 0.7834.
  const pad = (Math.max(...values) - Math.min(...values)) * 0.08;
  const step = Math.max(...values) - Math.min(...values) + 2 * pad > 0.3 ? 0.1 : 0.05;
  const low = Math.floor((Math.min(...values) - pad) / step) * step;
  const high = Math.ceil((Math.max(...values) + pad) / step) * step;
  const subtitle =
    `each point: one pair's B ÷ A, in the order the pairs ran · dashed: ±${percentText(t)} threshold band · ` +
    'right: the median and its interval at the deciding look';
  return {
    kind: 'ab-ratios',
    suite: cell.key.suite,
    title: `${cellName(cell.key)}: ${cell.verdict}`,
    config: {
      type: 'scatter',
      data: { datasets: [one, band, ...points, ...summaries] },
      options: options(
        `${cellName(cell.key)}: ${cell.verdict}`,
        subtitle,
        axis('linear', 'pair (in the order run)', 0.5, right),
        axis('linear', 'B ÷ A (1 = no change)', Math.max(0, Number(low.toFixed(2))), Number(high.toFixed(2))),
      ),
    },
  };
}

/** File-name safe and unique within the report: `ab-<suite>-<strategy>-<runtime>-<size>-<workers>w`. */
function chartId(parts: readonly (string | number)[], taken: Set<string>): string {
  const base =
    `ab-${parts.join('-')}`
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 100) || 'ab';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Every A/B chart of a report, per file with an ab block, in file order, one per cell with a complete pair. */
export function buildAbCharts(results: readonly RunResult[]): StudyChart[] {
  const taken = new Set<string>();
  return results.flatMap((result, fileIndex) => {
    const study = abOf(result);
    if (!study) return [];
    return study.cells.flatMap((cell) => {
      const chart = cellChart(study, cell);
      if (!chart) return [];
      const { suite, size, strategy, runtime, workers } = cell.key;
      const file = results.length > 1 ? [`f${fileIndex + 1}`] : [];
      return [{ ...chart, fileIndex, id: chartId([suite, strategy, runtime, size, `${workers}w`, ...file], taken) }];
    });
  });
}
