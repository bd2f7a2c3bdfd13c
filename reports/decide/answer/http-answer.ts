/**
 * `bench http`'s answer, in `bench run`'s words: per suite, size and runtime, which strategy's
 * server serves the most requests per second and by how much over main-thread, who ties and
 * what the winner costs — the same intervalAnswer (point-answer.ts) that answers `bench run`,
 * fed each server's one window — then what the winner serves at what latency and how long
 * /health waited beside it; across runtimes, which runtime's best server serves the most.
 */
import type { HttpCompletedCell, RunResult } from '../../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../../runners/contract/strategies.js';
import { formatRate } from '../../../runners/common/format-rate.js';
import { strategyLabeller } from '../../format/strategy-label.js';
import { formatTaskMs } from '../../format/study-format.js';
import { groupBy } from '../study/scaling.js';
import { type Contender, intervalAnswer } from './point-answer.js';

/** A server's window as a contender: one measurement, so no interval (a tie needs equal rates). */
const httpContender = (cell: HttpCompletedCell, strategy: string): Contender => ({
  strategy,
  rate: cell.requests.perSec,
  rounds: 1,
  ci95: [cell.requests.perSec, cell.requests.perSec],
  peakRssBytes: cell.memory.peakRssBytes,
  loadedP99Ms: cell.latency.p99Ms,
});

const completedHttp = (result: RunResult): HttpCompletedCell[] =>
  result.cells.filter((cell): cell is HttpCompletedCell => cell.status === 'completed' && cell.scenario === 'http');

/**
 * How each server is named in its runtime's answer: its strategy (with its transport where
 * several ran), and its worker count where the strategy ran at several or above the cores.
 */
function namer(cells: readonly HttpCompletedCell[], cores: number): (cell: HttpCompletedCell) => string {
  const labelOf = strategyLabeller(cells);
  const counts = new Map<string, Set<number>>();
  for (const cell of cells) counts.set(labelOf(cell), (counts.get(labelOf(cell)) ?? new Set()).add(cell.workers));
  return (cell) => {
    if (cell.strategy === BASELINE_STRATEGY) return BASELINE_STRATEGY;
    const label = labelOf(cell);
    const over = cell.workers > cores;
    if (!over && (counts.get(label)?.size ?? 1) < 2) return label;
    return `${label} ×${cell.workers}${over ? '*' : ''}`;
  };
}

/** Said once per line where a server named in it had more workers than cores (its name carries a *). */
const oversubscribed = (cores: number): string =>
  ` (* more workers than the ${cores} core${cores === 1 ? '' : 's'}: oversubscribed, they time-slice the cores)`;

const served = (cell: HttpCompletedCell): string =>
  `${formatRate(cell.requests.perSec)} req/s at p50 ${formatTaskMs(cell.latency.p50Ms)}, p99 ${formatTaskMs(cell.latency.p99Ms)}`;

/** What the winner serves, against main-thread, and how long /health waited beside each. */
function servedSentence(winner: HttpCompletedCell, name: string, baseline: HttpCompletedCell | undefined): string {
  const against = baseline && baseline !== winner ? ` (${BASELINE_STRATEGY}: ${served(baseline)})` : '';
  const sentence = `${name} serves ${served(winner)}${against}`;
  if (!winner.health) return `${sentence}.`;
  const health =
    baseline?.health && baseline !== winner
      ? `/health waited p99 ${formatTaskMs(winner.health.p99Ms)} beside it vs ${formatTaskMs(baseline.health.p99Ms)} beside ${BASELINE_STRATEGY}`
      : `/health waited p99 ${formatTaskMs(winner.health.p99Ms)} beside it`;
  return `${sentence}; ${health}.`;
}

/** One line per suite, size and runtime served, and one across runtimes where several served. */
export function httpAnswers(result: RunResult): string[] {
  const cells = completedHttp(result);
  const { cores } = result.context.cpu;
  const nameOf = namer(cells, cores);
  const groups = groupBy(cells, (c) => [c.suite, c.size, c.runtime].join('\u0000'));
  const best: HttpCompletedCell[] = [];
  const lines = groups.flatMap((group) => {
    const first = group[0]!;
    const prefix = `${first.suite}(${first.size}) on ${first.runtime} on ${cores} core${cores === 1 ? '' : 's'}`;
    const headline = intervalAnswer(
      group.map((cell) => httpContender(cell, nameOf(cell))),
      prefix,
      '',
      'req/s',
    );
    if (headline === undefined) return [];
    const winner = [...group].sort((a, b) => b.requests.perSec - a.requests.perSec)[0]!;
    best.push(winner);
    const served = servedSentence(
      winner,
      nameOf(winner),
      group.find((c) => c.strategy === BASELINE_STRATEGY),
    );
    const line = `${headline} ${served}`;
    const namesOver = group.some((c) => c.strategy !== BASELINE_STRATEGY && c.workers > cores && line.includes(nameOf(c)));
    return [namesOver ? `${line.slice(0, -1)}${oversubscribed(cores)}.` : line];
  });
  const byRate = [...best].sort((a, b) => b.requests.perSec - a.requests.perSec);
  const [top, ...rest] = byRate;
  if (top === undefined || new Set(byRate.map((c) => c.runtime)).size < 2 || new Set(byRate.map((c) => c.suite)).size > 1) return lines;
  const others = rest.map((c) => `${c.runtime} ${formatRate(c.requests.perSec)} req/s (${nameOf(c)})`).join(', ');
  const across = `${top.suite}(${top.size}) across runtimes: ${top.runtime} serves the most, ${served(top)} with ${nameOf(top)}; then ${others}`;
  return [...lines, `${across}${best.some((c) => c.strategy !== BASELINE_STRATEGY && c.workers > cores) ? oversubscribed(cores) : ''}.`];
}
