/**
 * Trend charts over `results/history.jsonl`: one Chart.js line chart per suite and size,
 * one line per strategy (per runtime and machine too, when the history holds several),
 * runs in date order along the x axis. Plain JSON configurations, like charts.ts builds,
 * so the HTML report can inline them and a PNG renderer could draw them.
 */
import type { ChartConfiguration } from 'chart.js';
import type { HistoryCell, HistoryEntry } from '../history.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { makePalette } from './palette.js';
import { strategyLabeller } from '../format/strategy-label.js';

export interface TrendChart {
  /** File-name safe, unique within the set: `trend-<suite>-<size>`. */
  id: string;
  suite: string;
  title: string;
  config: ChartConfiguration<'line', Array<number | null>, string>;
}

/** Fewer runs than this draw no line worth reading. */
const MIN_RUNS = 2;

const shortDate = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

function runLabel(entry: HistoryEntry): string {
  return entry.commit ? `${shortDate(entry.date)} · ${entry.commit.slice(0, 7)}` : shortDate(entry.date);
}

interface Varies {
  scenario: boolean;
  workers: boolean;
  runtime: boolean;
  fingerprint: boolean;
}

/**
 * Which line a cell belongs to: the strategy, plus whatever else varies in the history
 * (scenario, worker count, runtime, machine) — only then, to keep labels short. Two worker
 * counts, or a batch and an HTTP figure, on one line would read as a regression.
 */
function lineKey(cell: HistoryCell, varies: Varies): string {
  // A transport other than the strategy's default is its own line ("worker-pool (clone)"); absent means the default.
  return [
    strategyLabeller([cell])(cell),
    ...(varies.scenario ? [cell.scenario] : []),
    ...(varies.workers ? [`${cell.workers} worker${cell.workers === 1 ? '' : 's'}`] : []),
    ...(varies.runtime ? [cell.runtime] : []),
    ...(varies.fingerprint ? [cell.fingerprint.slice(0, 24)] : []),
  ].join(' · ');
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 60) || 'suite';

export function buildTrendCharts(history: readonly HistoryEntry[]): TrendChart[] {
  const entries = [...history].sort((a, b) => a.date.localeCompare(b.date));
  if (entries.length < MIN_RUNS) return [];
  let labels = entries.map(runLabel);
  // Two runs in the same minute of the same commit (a retried job): tell them apart by run id.
  if (new Set(labels).size < labels.length) labels = entries.map((entry) => `${runLabel(entry)} · ${entry.runId.slice(-6)}`);
  const allCells = entries.flatMap((entry) => entry.cells);
  const palette = makePalette(allCells.map((cell) => cell.strategy));
  const varies: Varies = {
    scenario: new Set(allCells.map((cell) => cell.scenario)).size > 1,
    // main-thread always uses one: only the other strategies' counts tell runs apart.
    workers: new Set(allCells.filter((cell) => cell.strategy !== BASELINE_STRATEGY).map((cell) => cell.workers)).size > 1,
    runtime: new Set(allCells.map((cell) => cell.runtime)).size > 1,
    fingerprint: new Set(allCells.map((cell) => cell.fingerprint)).size > 1,
  };
  const groups = [...new Set(allCells.map((cell) => `${cell.suite}\u0000${cell.size}`))];
  const taken = new Set<string>();

  return groups.flatMap((group): TrendChart[] => {
    const [suite = '', sizeText = ''] = group.split('\u0000');
    const size = Number(sizeText);
    const lines = new Map<string, { strategy: string; data: Array<number | null> }>();
    entries.forEach((entry, x) => {
      for (const cell of entry.cells) {
        if (cell.suite !== suite || cell.size !== size) continue;
        const key = lineKey(cell, varies);
        const line = lines.get(key) ?? { strategy: cell.strategy, data: entries.map((): number | null => null) };
        line.data[x] = cell.tasksPerSec;
        lines.set(key, line);
      }
    });
    if (![...lines.values()].some((line) => line.data.filter((v) => v !== null).length >= MIN_RUNS)) return [];
    const datasets = [...lines.entries()]
      .sort(([, a], [, b]) => palette.rank(a.strategy) - palette.rank(b.strategy))
      .map(([label, line]) => ({
        label,
        data: line.data,
        borderColor: palette.colour(line.strategy),
        backgroundColor: palette.colour(line.strategy),
        borderWidth: 2,
        pointRadius: 3,
        spanGaps: true,
        tension: 0,
      }));
    let id = `trend-${slug(suite)}-${size}`;
    for (let n = 2; taken.has(id); n++) id = `trend-${slug(suite)}-${size}-${n}`;
    taken.add(id);
    const title = `${suite} (size ${size.toLocaleString('en-US')}): throughput over ${entries.length} runs`;
    return [
      {
        id,
        suite,
        title,
        config: {
          type: 'line',
          data: { labels, datasets },
          options: {
            animation: false,
            plugins: {
              title: { display: true, text: title, font: { size: 17, weight: 'bold' } },
              subtitle: {
                display: true,
                text: 'median tasks/s of each run, from results/history.jsonl · gaps: cell not measured that run',
              },
              legend: { display: true, position: 'top' },
            },
            scales: {
              x: { title: { display: true, text: 'run (date · commit)' }, ticks: { maxRotation: 50, autoSkip: true } },
              y: { beginAtZero: true, title: { display: true, text: 'tasks per second, higher is better' } },
            },
          },
        },
      },
    ];
  });
}
