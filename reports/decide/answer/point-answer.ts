/**
 * The answer for one measured point (one suite, size, runtime and worker count): who
 * wins, who ties, and what the winner costs in memory and latency. Ties are decided by
 * the rounds' 95 % intervals, never by the last digit of a median: two strategies whose
 * intervals overlap tie, however their medians compare.
 */
import type { CompletedCell, RunResult } from '../../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../../runners/contract/strategies.js';
import { completedBatch, groupBy } from '../study/scaling.js';
import { formatRatio, formatTaskMs, listing } from '../../format/study-format.js';
import { strategyLabeller } from '../../format/strategy-label.js';

const MIB = 1024 * 1024;
/** Memory differences below both of these are not worth a clause. */
const MEMORY_MIN_MIB = 10;
const MEMORY_MIN_SHARE = 0.1;
/** Loaded p99s closer than this factor are not worth a clause. */
const LATENCY_MIN_FACTOR = 1.2;

/** Whether two cells' rounds cannot tell their throughputs apart. One round has no interval: only equal medians tie. */
export function throughputsTie(a: CompletedCell, b: CompletedCell): boolean {
  if (a.throughput.rounds.length < 2 || b.throughput.rounds.length < 2) return a.throughput.tasksPerSec === b.throughput.tasksPerSec;
  const [aLow, aHigh] = a.throughput.ci95;
  const [bLow, bHigh] = b.throughput.ci95;
  return aLow <= bHigh && bLow <= aHigh;
}

const mib = (bytes: number): number => Math.round(bytes / MIB);

function memoryClause(lean: CompletedCell, heavy: CompletedCell): string | undefined {
  const diff = heavy.memory.peakRssBytes - lean.memory.peakRssBytes;
  if (diff < MEMORY_MIN_MIB * MIB || diff < MEMORY_MIN_SHARE * heavy.memory.peakRssBytes) return undefined;
  return `${lean.strategy} uses ${mib(diff)} MiB less memory than ${heavy.strategy} (peak RSS ${mib(lean.memory.peakRssBytes)} vs ${mib(heavy.memory.peakRssBytes)} MiB)`;
}

function latencyClause(fast: CompletedCell, slow: CompletedCell): string | undefined {
  const a = fast.loadedLatency.p99Ms;
  const b = slow.loadedLatency.p99Ms;
  if (!(a > 0) || b < a * LATENCY_MIN_FACTOR) return undefined;
  return `${fast.strategy}'s p99 under load is ${formatTaskMs(a)} vs ${formatTaskMs(b)} for ${slow.strategy}`;
}

/** Memory and latency between the candidates: the leanest against the heaviest, the quickest against the slowest. */
function costs(candidates: readonly CompletedCell[]): string[] {
  if (candidates.length < 2) return [];
  const byMemory = [...candidates].sort((a, b) => a.memory.peakRssBytes - b.memory.peakRssBytes);
  const byLatency = [...candidates].sort((a, b) => a.loadedLatency.p99Ms - b.loadedLatency.p99Ms);
  return [memoryClause(byMemory[0]!, byMemory.at(-1)!), latencyClause(byLatency[0]!, byLatency.at(-1)!)].filter(
    (c): c is string => c !== undefined,
  );
}

/** "fib(30) on 2 cores: worker-pool and process-pool tie (1.91× vs 1.88×, intervals overlap); …". */
export function pointAnswer(cells: readonly CompletedCell[], cores: number, label: string): string | undefined {
  const baseline = cells.find((cell) => cell.strategy === BASELINE_STRATEGY);
  const ranked = [...cells].sort((a, b) => b.throughput.tasksPerSec - a.throughput.tasksPerSec);
  const winner = ranked[0];
  if (!winner) return undefined;
  const speedup = (cell: CompletedCell): string =>
    baseline && baseline.throughput.tasksPerSec > 0
      ? formatRatio(cell.throughput.tasksPerSec / baseline.throughput.tasksPerSec)
      : `${Math.round(cell.throughput.tasksPerSec)} tasks/s`;
  const prefix = `${label} on ${cores} core${cores === 1 ? '' : 's'}`;
  const singleRound = cells.some((cell) => cell.throughput.rounds.length < 2) ? ' (one round: no intervals, so no tie can be told)' : '';
  const tied = ranked.filter((cell) => cell === winner || throughputsTie(cell, winner));
  const others = ranked.filter((cell) => cell.strategy !== BASELINE_STRATEGY);

  if (winner.strategy === BASELINE_STRATEGY || (baseline && tied.includes(baseline))) {
    const best = others[0];
    if (!best) return `${prefix}: only ${BASELINE_STRATEGY} was measured.`;
    if (tied.includes(best)) {
      return `${prefix}: no strategy beats ${BASELINE_STRATEGY} beyond the intervals (best: ${best.strategy} ${speedup(best)}, intervals overlap)${singleRound}.`;
    }
    return `${prefix}: offloading does not pay here: ${BASELINE_STRATEGY} is fastest, ahead of ${best.strategy} (${speedup(best)}) beyond the intervals${singleRound}.`;
  }
  if (tied.length > 1) {
    const figures = tied.map(speedup).join(' vs ');
    const clauses = costs(tied);
    return `${prefix}: ${listing(tied.map((c) => c.strategy))} tie (${figures}, intervals overlap)${clauses.length ? `; ${clauses.join('; ')}` : ''}${singleRound}.`;
  }
  const runnerUp = ranked[1];
  const clear = runnerUp ? `, ahead of ${runnerUp.strategy} (${speedup(runnerUp)}) beyond the intervals` : '';
  const clauses = runnerUp ? costs([winner, runnerUp]) : [];
  return `${prefix}: ${winner.strategy} wins (${speedup(winner)}${clear})${clauses.length ? `; ${clauses.join('; ')}` : ''}${singleRound}.`;
}

/** Runtime label only when the file has several runtimes: with one, it is in the header. */
export function pointLabel(cell: CompletedCell, runtimes: number): string {
  return `${cell.suite}(${cell.size})${runtimes > 1 ? ` on ${cell.runtime}` : ''}`;
}

/** `bench run`'s answer: one line per suite, size, runtime and worker count measured. */
export function runAnswers(result: RunResult): string[] {
  // A strategy measured with several transports is named with each ("worker-pool (clone)"); the baseline keeps its name.
  const labelOf = strategyLabeller(result.cells);
  const cells = completedBatch(result).map((cell) => (cell.strategy === BASELINE_STRATEGY ? cell : { ...cell, strategy: labelOf(cell) }));
  const runtimes = new Set(cells.map((cell) => cell.runtime)).size;
  // main-thread runs with one worker whatever the others use: it belongs to every group of its suite, size and runtime.
  const groups = groupBy(
    cells.filter((cell) => cell.strategy !== BASELINE_STRATEGY),
    (c) => [c.suite, c.size, c.runtime, c.workers].join('\u0000'),
  );
  return groups.flatMap((group) => {
    const first = group[0]!;
    const baseline = cells.find(
      (c) => c.strategy === BASELINE_STRATEGY && c.suite === first.suite && c.size === first.size && c.runtime === first.runtime,
    );
    const line = pointAnswer(baseline ? [baseline, ...group] : group, result.context.cpu.cores, pointLabel(first, runtimes));
    return line === undefined ? [] : [line];
  });
}
