/**
 * A study's answer in words: two or three sentences per suite (and runtime, when several)
 * that a reviewer could paste into a design doc. Every figure comes from the study block
 * or the cells; ties come from the rounds' intervals (point-answer.ts).
 */
import type { CompletedCell, RunResult } from '../../../runners/contract/results.js';
import type { Crossover, Scaling, ScalingPoint, Study } from '../../../runners/contract/study.js';
import { BASELINE_STRATEGY } from '../../../runners/contract/strategies.js';
import { pointAnswer, throughputsTie } from './point-answer.js';
import { lookPlanOf } from '../paired/group-verdict.js';
import type { LookPlan } from '../paired/paired-ratio.js';
import { completedBatch, groupBy } from '../study/scaling.js';
import { formatCoefficient, formatFraction, formatRatio, formatSize, formatTaskMs, listing } from '../../format/study-format.js';

const coresText = (cores: number): string => `${cores} core${cores === 1 ? '' : 's'}`;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const sizesToAdd = (group: readonly Crossover[]): string => {
  const sizes = [...new Set(group.flatMap((c) => c.suggestedSizes))].sort((a, b) => a - b);
  return sizes.length > 0 ? `; add sizes ${sizes.map(formatSize).join(', ')}` : '';
};

/** The strategies without a clean crossover, grouped by what happened, so many strategies still read as one sentence. */
function otherFindings(crossovers: readonly Crossover[], suite: string, sizes: readonly number[]): string[] {
  const of = (status: Crossover['status']): Crossover[] => crossovers.filter((c) => c.status === status);
  const found: string[] = [];
  const lowest = crossovers.flatMap((c) => c.ratios).find((r) => r.size === sizes[0]);
  const highest = crossovers.flatMap((c) => c.ratios).find((r) => r.size === sizes.at(-1));
  const always = of('always-faster');
  if (always.length > 0) {
    const at = lowest ? ` (${suite} ${formatSize(lowest.size)}, tasks of ${formatTaskMs(lowest.baselineTaskMs)})` : '';
    found.push(
      `faster already at the smallest size${at}: ${always.map((c) => `${c.strategy} ${formatRatio(c.ratios[0]?.ratio ?? null)}`).join(', ')}${sizesToAdd(always)}`,
    );
  }
  const never = of('never-faster');
  if (never.length > 0) {
    const at = highest ? ` (up to ${suite} ${formatSize(highest.size)}, tasks of ${formatTaskMs(highest.baselineTaskMs)})` : '';
    found.push(
      `never faster within the sweep${at}: ${never.map((c) => `${c.strategy} ${formatRatio(c.ratios.at(-1)?.ratio ?? null)}`).join(', ')}${sizesToAdd(never)}`,
    );
  }
  const ambiguous = of('ambiguous');
  if (ambiguous.length > 0) {
    found.push(
      `ambiguous, the ratio crosses 1 more than once or downwards (noise, or a real reversal): ` +
        `${ambiguous.map((c) => `${c.strategy} (at ${c.crossings.map(formatSize).join(', ')})`).join(', ')}; re-run with more rounds`,
    );
  }
  const none = of('no-data');
  if (none.length > 0) found.push(`no completed sizes to compare: ${none.map((c) => c.strategy).join(', ')}`);
  return found;
}

function sizeParagraph(
  crossovers: readonly Crossover[],
  cells: readonly CompletedCell[],
  cores: number,
  label: string,
  plan: LookPlan,
): string {
  const suite = crossovers[0]!.suite;
  const sizes = [...new Set(cells.map((c) => c.size))].sort((a, b) => a - b);
  const sweep = sizes.length > 0 ? ` (sizes ${formatSize(sizes[0]!)}–${formatSize(sizes.at(-1)!)})` : '';
  const sentences: string[] = [];
  const crossed = crossovers.filter((c) => c.status === 'crossed').sort((a, b) => (a.taskMs ?? 0) - (b.taskMs ?? 0));
  const lead = `${label} on ${coresText(cores)}${sweep}`;
  if (crossed.length > 0) {
    const items = crossed.map((c) => `~${formatTaskMs(c.taskMs)} with ${c.strategy} (${suite} ${formatSize(c.size!)})`);
    sentences.push(`${lead}: offloading pays from tasks of ${listing(items)}.`);
  }
  const rest = otherFindings(crossovers, suite, sizes);
  for (const [i, finding] of rest.entries())
    sentences.push(i === 0 && crossed.length === 0 ? `${lead}: ${finding}.` : `${capitalise(finding)}.`);
  // The point at the largest size where the baseline and another strategy completed.
  const largest = [...sizes].reverse().find((size) => cells.filter((c) => c.size === size).length > 1);
  if (largest !== undefined) {
    const answer = pointAnswer(
      cells.filter((c) => c.size === largest),
      cores,
      `At the largest size, ${suite}(${largest})`,
      plan,
    );
    if (answer) sentences.push(answer);
  }
  return sentences.join(' ');
}

const at = (scaling: Scaling, workers: number): ScalingPoint | undefined => scaling.points.find((p) => p.workers === workers);

function beyondCores(scalings: readonly Scaling[], cells: readonly CompletedCell[], top: number): string | undefined {
  const findings = scalings.flatMap((s) => {
    const inside = cells.find((c) => c.strategy === s.strategy && c.workers === top);
    const above = cells.filter((c) => c.strategy === s.strategy && c.workers > top);
    const best = above.sort((a, b) => b.throughput.tasksPerSec - a.throughput.tasksPerSec)[0];
    if (!inside || !best || !(inside.throughput.tasksPerSec > 0)) return [];
    const gains = best.throughput.tasksPerSec > inside.throughput.tasksPerSec && !throughputsTie(best, inside);
    return [{ strategy: s.strategy, ratio: best.throughput.tasksPerSec / inside.throughput.tasksPerSec, workers: best.workers, gains }];
  });
  if (findings.length === 0) return undefined;
  const gainers = findings.filter((f) => f.gains);
  const figures = findings.map((f) => `${f.strategy} ${formatRatio(f.ratio)}`).join(', ');
  if (gainers.length === 0) {
    return `Beyond ${top} workers nothing is gained (best rate above ${top} ÷ the ${top}-worker rate: ${figures}; extra workers only time-slice the cores).`;
  }
  return `Beyond ${top} workers ${listing(gainers.map((g) => `${g.strategy} still gains ${formatRatio(g.ratio)} (at ${g.workers})`))}, beyond the intervals: more tasks in flight hide its per-task cost, not more cores (others: ${figures}).`;
}

function fitSentence(scalings: readonly Scaling[]): string | undefined {
  const fitted = scalings.filter((s) => s.usl !== null);
  if (fitted.length > 0) {
    const items = fitted.map(
      ({ strategy, usl }) =>
        `${strategy} σ = ${formatCoefficient(usl!.sigma)}, κ = ${formatCoefficient(usl!.kappa)}${usl!.peakWorkers === null ? ' (no peak)' : ` (N* ≈ ${usl!.peakWorkers.toFixed(usl!.peakWorkers < 10 ? 1 : 0)})`}`,
    );
    return `USL fit: ${items.join('; ')}.`;
  }
  const reason = scalings.find((s) => s.uslReason)?.uslReason;
  const amdahl = scalings.filter((s) => s.amdahl !== null).map((s) => `${s.strategy} ${formatCoefficient(s.amdahl!.sigma)}`);
  const serial = amdahl.length > 0 ? `; Amdahl's serial fraction σ: ${amdahl.join(', ')}` : '';
  return reason ? `No USL fit: ${reason}${serial}.` : undefined;
}

function workersParagraph(
  scalings: readonly Scaling[],
  cells: readonly CompletedCell[],
  cores: number,
  label: string,
  plan: LookPlan,
): string {
  const sentences: string[] = [];
  const counts = [...new Set(scalings.flatMap((s) => s.points.map((p) => p.workers)))].sort((a, b) => a - b);
  const top = [...counts].reverse().find((n) => n <= cores) ?? counts[0];
  if (top !== undefined) {
    const baseline = cells.find((c) => c.strategy === BASELINE_STRATEGY);
    const atTop = cells.filter((c) => c.workers === top && c.strategy !== BASELINE_STRATEGY);
    const answer = pointAnswer(baseline ? [baseline, ...atTop] : atTop, cores, `${label} at ${top} worker${top === 1 ? '' : 's'}`, plan);
    if (answer) sentences.push(answer);
    const efficient = scalings
      .flatMap((s) => {
        const p = at(s, top);
        return p && p.speedup !== null ? [{ s, p }] : [];
      })
      .sort((a, b) => (b.p.efficiency ?? 0) - (a.p.efficiency ?? 0))
      .map(({ s, p }) => `${s.strategy} ${formatRatio(p.speedup)} (efficiency ${formatFraction(p.efficiency)})`);
    if (efficient.length > 0 && top > 1)
      sentences.push(`At ${top} workers each strategy runs, over its own 1-worker rate: ${listing(efficient)}.`);
    const beyond = beyondCores(scalings, cells, top);
    if (beyond) sentences.push(beyond);
  }
  const fits = fitSentence(scalings);
  if (fits) sentences.push(fits);
  return sentences.join(' ');
}

/** One paragraph per suite, size (workers study) and runtime. */
export function studyAnswer(result: RunResult, study: Study): string[] {
  const cells = completedBatch(result);
  const runtimes = new Set(result.cells.map((c) => c.runtime)).size;
  const label = (suite: string, runtime: string, size?: number): string =>
    `${suite}${size === undefined ? '' : `(${size})`}${runtimes > 1 ? ` on ${runtime}` : ''}`;
  const incomplete = study.complete ? '' : ' (interrupted: from the cells measured so far)';
  const plan = lookPlanOf(result.config);
  if (study.kind === 'size') {
    return groupBy(study.crossovers, (c) => `${c.suite}\u0000${c.runtime}`).map((group) => {
      const { suite, runtime } = group[0]!;
      const workers = new Set(group.map((c) => c.workers));
      const own = cells.filter(
        (c) => c.suite === suite && c.runtime === runtime && (c.strategy === BASELINE_STRATEGY || workers.has(c.workers)),
      );
      return sizeParagraph(group, own, study.cores, label(suite, runtime), plan) + incomplete;
    });
  }
  return groupBy(study.scaling, (s) => [s.suite, s.runtime, s.size].join('\u0000')).map((group) => {
    const { suite, runtime, size } = group[0]!;
    const own = cells.filter((c) => c.suite === suite && c.runtime === runtime && c.size === size);
    return workersParagraph(group, own, study.cores, label(suite, runtime, size), plan) + incomplete;
  });
}
