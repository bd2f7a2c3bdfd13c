/**
 * The answer for one measured point (one suite, size, runtime and worker count): who
 * wins, who ties, and what the winner costs in memory and latency. Ties are decided by
 * intervals, never by the last digit of a median: by paired blocks where the run made enough
 * (reports/decide/paired: the ratio of neighbours that shared the same minute of the machine),
 * else by each strategy's own rounds' 95 % interval, two overlapping intervals tying.
 */
import type { CompletedCell, RunResult } from '../../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../../runners/contract/strategies.js';
import { completedBatch, groupBy } from '../study/scaling.js';
import { formatFraction, formatRatio, formatTaskMs, listing } from '../../format/study-format.js';
import { strategyLabeller } from '../../format/strategy-label.js';
import { EQUIVALENCE_MARGIN, type Entry, type GroupVerdict, groupVerdict, lookPlanOf } from '../paired/group-verdict.js';
import type { LookPlan, PairedRatio } from '../paired/paired-ratio.js';
import { cellForeignCores, cellInterference, predictedSpeedup, workInflation } from '../paired/cpu-figures.js';
import { DEFAULT_DISTURBED_ABOVE } from '../paired/disturbed.js';

const MIB = 1024 * 1024;
/** Memory differences below both of these are not worth a clause. */
const MEMORY_MIN_MIB = 10;
const MEMORY_MIN_SHARE = 0.1;
/** Loaded p99s closer than this factor are not worth a clause. */
const LATENCY_MIN_FACTOR = 1.2;
/** Work inflation (CPU per task ÷ main-thread's) further than this from 1 is worth a clause. */
const WORK_INFLATION_WORTH_SAYING = 0.15;

/**
 * What the interval answer weighs: a `bench run` cell's throughput over its rounds, or a
 * `bench http` cell's requests per second over its one window (http-answer.ts), with what
 * each costs in memory and in latency under load.
 */
export interface Contender {
  strategy: string;
  /** Tasks or requests per second. */
  rate: number;
  /** The measurements behind `rate` (rounds; an HTTP window is one): fewer than two have no interval. */
  rounds: number;
  ci95: readonly [number, number];
  peakRssBytes: number;
  /** p99 latency under load: a batch's submit → complete, an HTTP request's. */
  loadedP99Ms: number;
  /** p99 event-loop delay of the host's main thread while it ran; absent where another figure says it (HTTP's /health). */
  loopP99Ms?: number;
  /** Share of the time other programs held the CPUs the strategy wanted (null: not measured). */
  interference?: number | null;
}

export const batchContender = (cell: CompletedCell): Contender => ({
  strategy: cell.strategy,
  rate: cell.throughput.tasksPerSec,
  rounds: cell.throughput.rounds.length,
  ci95: cell.throughput.ci95,
  peakRssBytes: cell.memory.peakRssBytes,
  loadedP99Ms: cell.loadedLatency.p99Ms,
  loopP99Ms: cell.eventLoopDelay.p99Ms,
  interference: cellInterference(cell),
});

/** Whether two contenders' measurements cannot tell their rates apart. One measurement has no interval: only equal rates tie. */
function ratesTie(a: Contender, b: Contender): boolean {
  if (a.rounds < 2 || b.rounds < 2) return a.rate === b.rate;
  const [aLow, aHigh] = a.ci95;
  const [bLow, bHigh] = b.ci95;
  return aLow <= bHigh && bLow <= aHigh;
}

/** Whether two cells' rounds cannot tell their throughputs apart. One round has no interval: only equal medians tie. */
export function throughputsTie(a: CompletedCell, b: CompletedCell): boolean {
  return ratesTie(batchContender(a), batchContender(b));
}

const mib = (bytes: number): number => Math.round(bytes / MIB);

function memoryClause(lean: Contender, heavy: Contender): string | undefined {
  const diff = heavy.peakRssBytes - lean.peakRssBytes;
  if (diff < MEMORY_MIN_MIB * MIB || diff < MEMORY_MIN_SHARE * heavy.peakRssBytes) return undefined;
  return `${lean.strategy} uses ${mib(diff)} MiB less memory than ${heavy.strategy} (peak RSS ${mib(lean.peakRssBytes)} vs ${mib(heavy.peakRssBytes)} MiB)`;
}

function latencyClause(fast: Contender, slow: Contender): string | undefined {
  const a = fast.loadedP99Ms;
  const b = slow.loadedP99Ms;
  if (!(a > 0) || b < a * LATENCY_MIN_FACTOR) return undefined;
  return `${fast.strategy}'s p99 under load is ${formatTaskMs(a)} vs ${formatTaskMs(b)} for ${slow.strategy}`;
}

/** Loop p99s closer than this factor, or a baseline's below LOOP_MIN_MS, are not worth a clause. */
const LOOP_MIN_FACTOR = 2;
const LOOP_MIN_MS = 1;

/**
 * Where the strategies differ most: how long the main thread's event loop stalled with the
 * work on it against with the winner carrying it — what a server's other requests would wait.
 */
function loopClause(winner: Contender, baseline: Contender | undefined): string | undefined {
  const own = winner.loopP99Ms;
  const base = baseline?.loopP99Ms;
  if (!baseline || baseline === winner || own === undefined || base === undefined) return undefined;
  if (base < LOOP_MIN_MS || base < own * LOOP_MIN_FACTOR) return undefined;
  return `the event loop stalls p99 ${formatTaskMs(own)} with ${winner.strategy} vs ${formatTaskMs(base)} with ${BASELINE_STRATEGY}`;
}

/**
 * What carrying the work costs in memory: the winner's peak RSS against main-thread's, where it
 * is worth saying (a pool holds a runtime per worker; a process pool a whole process each).
 */
function memoryCostClause(winner: Contender, baseline: Contender | undefined): string | undefined {
  if (!baseline || baseline === winner) return undefined;
  const diff = winner.peakRssBytes - baseline.peakRssBytes;
  if (diff < MEMORY_MIN_MIB * MIB || diff < MEMORY_MIN_SHARE * winner.peakRssBytes) return undefined;
  return `${winner.strategy} takes ${mib(diff)} MiB more memory than ${BASELINE_STRATEGY} (peak RSS ${mib(winner.peakRssBytes)} vs ${mib(baseline.peakRssBytes)} MiB)`;
}

/** What the winner changes against main-thread beyond throughput: the event loop's stalls, and memory. */
const againstBaseline = (winner: Contender, baseline: Contender | undefined): string[] =>
  [loopClause(winner, baseline), memoryCostClause(winner, baseline)].filter((c): c is string => c !== undefined);

/** Memory and latency between the candidates: the leanest against the heaviest, the quickest against the slowest. */
function costs(candidates: readonly Contender[]): string[] {
  if (candidates.length < 2) return [];
  const byMemory = [...candidates].sort((a, b) => a.peakRssBytes - b.peakRssBytes);
  const byLatency = [...candidates].sort((a, b) => a.loadedP99Ms - b.loadedP99Ms);
  return [memoryClause(byMemory[0]!, byMemory.at(-1)!), latencyClause(byLatency[0]!, byLatency.at(-1)!)].filter(
    (c): c is string => c !== undefined,
  );
}

const percent = (share: number): string => `${Math.round(share * 100)} %`;

/** Half an interval's width against its centre: 0.1 = ±10 %. */
const halfWidth = (cell: Contender): number => {
  const [low, high] = cell.ci95;
  return cell.rate > 0 ? (high - low) / 2 / cell.rate : 0;
};

/**
 * Why a tie with main-thread may hide a real gain: the intervals are too wide to rule one out
 * (the best's upper end is past EQUIVALENCE_MARGIN over main-thread), so the words are "too
 * noisy to tell here", with what made them wide, not "no strategy beats main-thread".
 */
function tooNoisy(best: Contender, baseline: Contender, speedup: (cell: Contender) => string): string | undefined {
  if (best.rounds < 2 || baseline.rounds < 2 || !(baseline.rate > 0)) return undefined;
  if (best.ci95[1] / baseline.rate <= 1 + EQUIVALENCE_MARGIN) return undefined;
  const widest = Math.max(halfWidth(best), halfWidth(baseline));
  const held = Math.max(best.interference ?? 0, baseline.interference ?? 0);
  const why =
    held > DEFAULT_DISTURBED_ABOVE
      ? `other programs held the CPUs ${percent(held)} of the time the strategies wanted them`
      : 'the rounds varied that much: a busy machine or too few rounds';
  return `too noisy to tell here: ${best.strategy} measured ${speedup(best)}, but its interval and ${BASELINE_STRATEGY}'s overlap (up to ±${percent(widest)}: ${why}); more rounds (--rounds, or --max-rounds where the run adds blocks) or a quieter machine would settle it`;
}

/**
 * "fib(30) on 2 cores: worker-pool and process-pool tie (1.91× vs 1.88×, intervals overlap); …",
 * from per-contender intervals. `unit`: what a rate counts, where there is no baseline to divide by.
 */
export function intervalAnswer(
  cells: readonly Contender[],
  prefix: string,
  note: string,
  unit: 'tasks/s' | 'req/s' = 'tasks/s',
): string | undefined {
  const baseline = cells.find((cell) => cell.strategy === BASELINE_STRATEGY);
  const ranked = [...cells].sort((a, b) => b.rate - a.rate);
  const winner = ranked[0];
  if (!winner) return undefined;
  const speedup = (cell: Contender): string =>
    baseline && baseline.rate > 0 ? formatRatio(cell.rate / baseline.rate) : `${Math.round(cell.rate)} ${unit}`;
  // One measurement each has no interval: "ahead" is all that can be said, and the line says why.
  const single = cells.some((cell) => cell.rounds < 2);
  const beyond = single ? '' : ' beyond the intervals';
  const singleRound = single
    ? ` (${unit === 'req/s' ? 'one window each' : 'one round'}: no intervals, so a small gap may be noise and no tie can be told)`
    : note;
  const tied = ranked.filter((cell) => cell === winner || ratesTie(cell, winner));
  const others = ranked.filter((cell) => cell.strategy !== BASELINE_STRATEGY);

  if (winner.strategy === BASELINE_STRATEGY || (baseline && tied.includes(baseline))) {
    const best = others[0];
    if (!best) return `${prefix}: only ${BASELINE_STRATEGY} was measured.`;
    if (tied.includes(best)) {
      const noisy = baseline ? tooNoisy(best, baseline, speedup) : undefined;
      if (noisy) return `${prefix}: ${noisy}${note}.`;
      return `${prefix}: no strategy beats ${BASELINE_STRATEGY} beyond the intervals (best: ${best.strategy} ${speedup(best)}, intervals overlap)${singleRound}.`;
    }
    return `${prefix}: offloading does not pay here: ${BASELINE_STRATEGY} is fastest, ahead of ${best.strategy} (${speedup(best)})${beyond}${singleRound}.`;
  }
  if (tied.length > 1) {
    const figures = tied.map(speedup).join(' vs ');
    const clauses = [...costs(tied), ...againstBaseline(tied[0]!, baseline)];
    return `${prefix}: ${listing(tied.map((c) => c.strategy))} tie (${figures}, intervals overlap)${clauses.length ? `; ${clauses.join('; ')}` : ''}${singleRound}.`;
  }
  const runnerUp = ranked[1];
  const clear = runnerUp ? `, ahead of ${runnerUp.strategy} (${speedup(runnerUp)})${beyond}` : '';
  const clauses = [...(runnerUp ? costs([winner, runnerUp]) : []), ...againstBaseline(winner, baseline)];
  return `${prefix}: ${winner.strategy} wins (${speedup(winner)}${clear})${clauses.length ? `; ${clauses.join('; ')}` : ''}${singleRound}.`;
}

const withInterval = (ratio: PairedRatio | undefined): string =>
  ratio === undefined
    ? '—'
    : `${formatRatio(ratio.median)}${ratio.interval ? ` [${formatRatio(ratio.interval[0])}–${formatRatio(ratio.interval[1])}]` : ''}`;

const margin = `±${Math.round(EQUIVALENCE_MARGIN * 100)} %`;

/** Who wins by paired blocks: each speedup is the blocks' median ratio to main-thread, in brackets its paired 95 % interval. */
function pairedAnswer(verdict: GroupVerdict, label: string, cores: number, disturbedAbove: number): string {
  const { entries, baseline } = verdict;
  const over = `over ${verdict.blocks} paired blocks`;
  const sentences: string[] = [];
  const faster = entries.filter((e) => e.standing === 'faster');
  const leader = faster[0];
  const best = entries[0]!;
  // Figures from a machine whose other load stayed are not what the strategies do: the headline says so first.
  const busy = (cellInterference((leader ?? best).cell) ?? 0) > disturbedAbove;
  const prefix = busy ? `${label}, measured on a busy machine` : label;
  if (!leader) {
    // Unsettled: the interval spans both 1× and the margin, so a real gain is not ruled out.
    const noisy = entries.some((e) => e.standing === 'unsettled');
    sentences.push(
      entries.every((e) => e.standing === 'slower')
        ? `${prefix}: offloading does not pay here: ${BASELINE_STRATEGY} is fastest, ahead of ${best.cell.strategy} (${withInterval(best.speedup)}) ${over}`
        : noisy
          ? `${prefix}: too noisy to tell here whether offloading pays (best: ${best.cell.strategy} ${withInterval(best.speedup)}) ${over}`
          : `${prefix}: no strategy beats ${BASELINE_STRATEGY} beyond the intervals (best: ${best.cell.strategy} ${withInterval(best.speedup)}, within ${margin}) ${over}`,
    );
  } else {
    const top = faster.filter((e) => e.rank?.rank !== 'behind');
    // Who the first sentence names: the top group, or the winner and its runner-up.
    let mentioned: readonly Entry[] = top;
    const named = (group: readonly Entry[]): string => listing(group.map((e) => e.cell.strategy));
    const figures = (group: readonly Entry[]): string => group.map((e) => withInterval(e.speedup)).join(' vs ');
    const clauses = (cells: CompletedCell[]): string => {
      const found = [...costs(cells.map(batchContender)), ...againstBaseline(batchContender(leader.cell), batchContender(baseline))];
      return found.length > 0 ? `; ${found.join('; ')}` : '';
    };
    if (top.length === 1) {
      // The next by median speedup; one ranked above the leader without a settled speedup is named as undecided below.
      const runnerUp = entries[entries.indexOf(leader) + 1];
      mentioned = runnerUp ? [leader, runnerUp] : [leader];
      // "Ahead" only where the intervals show it: behind the leader, or slower than main-thread.
      const ahead = runnerUp?.rank?.rank === 'behind' || runnerUp?.standing === 'slower' ? 'ahead of' : 'next:';
      const clear = runnerUp ? `, ${ahead} ${runnerUp.cell.strategy} (${withInterval(runnerUp.speedup)})` : '';
      sentences.push(
        `${prefix}: ${leader.cell.strategy} wins (${withInterval(leader.speedup)}${clear}) ${over}${clauses(runnerUp ? [leader.cell, runnerUp.cell] : [])}`,
      );
    } else if (top.every((e) => e === leader || e.rank?.rank === 'equivalent')) {
      sentences.push(`${prefix}: ${named(top)} tie within ${margin} (${figures(top)}) ${over}${clauses(top.map((e) => e.cell))}`);
    } else {
      const apart = top
        .filter((e) => e.rank?.rank === 'not-told-apart')
        .map((e) => `${e.cell.strategy} ${withInterval(e.rank?.toLeader)} of ${leader.cell.strategy}`);
      sentences.push(
        `${prefix}: ${named(top)} beat ${BASELINE_STRATEGY} (${figures(top)}) ${over}, not told apart from each other (${apart.join(', ')})${clauses(top.map((e) => e.cell))}`,
      );
    }
    // Faster than main-thread but measurably behind the leader: named, or a third pool vanishes from the answer.
    const behind = faster.filter((e) => e.rank?.rank === 'behind' && !mentioned.includes(e));
    if (behind.length > 0) {
      const one = behind.length === 1;
      sentences.push(
        `${listing(behind.map((e) => `${e.cell.strategy} (${withInterval(e.speedup)})`))} also beat${one ? 's' : ''} ${BASELINE_STRATEGY} but trail${one ? 's' : ''} ${leader.cell.strategy} (${behind.map((e) => withInterval(e.rank?.toLeader)).join(', ')} of its rate)`,
      );
    }
  }
  const unsettled = entries.filter((e) => e.standing === 'unsettled');
  if (unsettled.length > 0) {
    const items = unsettled.map((e) => `${e.cell.strategy} ${withInterval(e.speedup)}`);
    sentences.push(
      `undecided against ${BASELINE_STRATEGY}: ${listing(items)} — neither clear of 1× nor within ${margin}; more blocks would settle it (raise --max-time or --max-rounds)`,
    );
  }
  const machine = machineClause(leader ?? best, baseline, cores, disturbedAbove);
  if (machine) sentences.push(machine);
  return `${sentences.join('. ')}.`;
}

/**
 * What the machine did to the answer: when other load held the strategy's CPUs beyond the
 * threshold, the measured speedup and the one the CPU accounting predicts on idle cores; and,
 * whenever it matters, work inflation — the offloaded tasks costing more CPU than on the main thread.
 */
function machineClause(entry: Entry, baseline: CompletedCell, cores: number, disturbedAbove: number): string | undefined {
  const { cell } = entry;
  const interference = cellInterference(cell);
  const foreign = cellForeignCores(cell);
  const predicted = predictedSpeedup(cell, baseline, cores);
  const inflation = workInflation(cell, baseline);
  if (interference !== null && interference > disturbedAbove) {
    const held = foreign !== null ? ` (other programs used ${formatFraction(foreign)} of a core)` : '';
    const prediction =
      predicted !== null && inflation !== null
        ? `; on ${cores} idle core${cores === 1 ? '' : 's'} its CPU per task predicts ≈ ${formatRatio(predicted)} (a prediction: ${cell.strategy} spends ${formatRatio(inflation)} ${BASELINE_STRATEGY}'s CPU per task)`
        : '';
    return `Other load held ${cell.strategy}'s CPUs ${Math.round(interference * 100)} % of the time it wanted one${held}: it measured ${formatRatio(entry.speedup?.median ?? null)}${prediction}`;
  }
  if (inflation !== null && Math.abs(inflation - 1) >= WORK_INFLATION_WORTH_SAYING) {
    return `${cell.strategy} spends ${formatRatio(inflation)} ${BASELINE_STRATEGY}'s CPU per task (work inflation)`;
  }
  return undefined;
}

/** "fib(30) on 2 cores: …": paired by blocks where the run made enough of them (plan given), else from per-cell intervals. */
export function pointAnswer(
  cells: readonly CompletedCell[],
  cores: number,
  label: string,
  plan?: LookPlan,
  disturbedAbove = DEFAULT_DISTURBED_ABOVE,
): string | undefined {
  const prefix = `${label} on ${cores} core${cores === 1 ? '' : 's'}`;
  const verdict = plan ? groupVerdict(cells, plan) : undefined;
  if (verdict?.paired) return pairedAnswer(verdict, prefix, cores, disturbedAbove);
  const note = verdict
    ? ` (${verdict.blocks} block${verdict.blocks === 1 ? '' : 's'}: too few for paired intervals, so from each strategy's own rounds)`
    : '';
  return intervalAnswer(cells.map(batchContender), prefix, note);
}

/** Runtime label only when the file has several runtimes: with one, it is in the header. */
export function pointLabel(cell: CompletedCell, runtimes: number): string {
  return `${cell.suite}(${cell.size})${runtimes > 1 ? ` on ${cell.runtime}` : ''}`;
}

/** The points a run answers: one per suite, size, runtime and worker count, main-thread (one worker) first in each where measured. */
export function answerPoints(cells: readonly CompletedCell[]): CompletedCell[][] {
  // main-thread runs with one worker whatever the others use: it belongs to every group of its suite, size and runtime.
  const groups = groupBy(
    cells.filter((cell) => cell.strategy !== BASELINE_STRATEGY),
    (c) => [c.suite, c.size, c.runtime, c.workers].join('\u0000'),
  );
  return groups.map((group) => {
    const first = group[0]!;
    const baseline = cells.find(
      (c) => c.strategy === BASELINE_STRATEGY && c.suite === first.suite && c.size === first.size && c.runtime === first.runtime,
    );
    return baseline ? [baseline, ...group] : group;
  });
}

/** `bench run`'s answer: one line per suite, size, runtime and worker count measured. */
export function runAnswers(result: RunResult): string[] {
  // A strategy measured with several transports is named with each ("worker-pool (clone)"); the baseline keeps its name.
  const labelOf = strategyLabeller(result.cells);
  const cells = completedBatch(result).map((cell) => (cell.strategy === BASELINE_STRATEGY ? cell : { ...cell, strategy: labelOf(cell) }));
  const runtimes = new Set(cells.map((cell) => cell.runtime)).size;
  return answerPoints(cells).flatMap((point) => {
    const line = pointAnswer(
      point,
      result.context.cpu.cores,
      pointLabel(point.find((c) => c.strategy !== BASELINE_STRATEGY) ?? point[0]!, runtimes),
      lookPlanOf(result.config),
      result.config.disturbedAbove,
    );
    return line === undefined ? [] : [line];
  });
}
