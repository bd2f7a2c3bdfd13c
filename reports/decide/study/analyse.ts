/**
 * A study's results → its `study` block: crossovers for a size study, scaling for a
 * workers study, and the answer in words. Reads only the results (and what the study
 * swept), so an interrupted study is analysed on whatever it measured.
 */
import type { CompletedCell, RunResult } from '../../../runners/contract/results.js';
import type { Crossover, RatioPoint, Study, SweepStudyKind } from '../../../runners/contract/study.js';
import { BASELINE_STRATEGY } from '../../../runners/contract/strategies.js';
import { studyAnswer } from '../answer/study-answer.js';
import { crossoverNote, locateCrossover, suggestSizes } from './crossover.js';
import { completedBatch, groupBy, scalingOf } from './scaling.js';
import { lookPlanOf } from '../paired/group-verdict.js';
import { type LookPlan, pairedRatio } from '../paired/paired-ratio.js';

export interface StudySweep {
  kind: SweepStudyKind;
  /** Size study: the sizes swept per suite (what was planned, measured or not). */
  sizes?: Record<string, number[]>;
  /** Size study: each suite's maxSize, where it has one, so no suggested size exceeds it. */
  maxSizes?: Record<string, number>;
  /** Workers study: the worker counts swept. */
  workersList?: number[];
}

/**
 * The strategy's ratio to the baseline at one size: paired by block where the study made
 * enough blocks for an interval (reports/decide/paired — the median of the rounds' ratios that
 * shared a minute of the machine, and its sign-test bounds), else the ratio of the medians with
 * the widest range both cells' own intervals allow.
 */
export function ratioPoint(cell: CompletedCell, baseline: CompletedCell, plan?: LookPlan): RatioPoint {
  const base = baseline.throughput.tasksPerSec;
  const paired = plan ? pairedRatio(cell, baseline, plan) : undefined;
  if (paired?.interval) {
    return { size: cell.size, ratio: paired.median, low: paired.interval[0], high: paired.interval[1], baselineTaskMs: 1000 / base };
  }
  const [low, high] = cell.throughput.ci95;
  const [baseLow, baseHigh] = baseline.throughput.ci95;
  return {
    size: cell.size,
    ratio: cell.throughput.tasksPerSec / base,
    low: baseHigh > 0 ? Math.max(0, low) / baseHigh : 0,
    high: baseLow > 0 ? high / baseLow : null,
    baselineTaskMs: 1000 / base,
  };
}

export function crossoversOf(result: RunResult, sweep: StudySweep): Crossover[] {
  const cells = completedBatch(result);
  const plan = lookPlanOf(result.config);
  const baselineAt = (cell: CompletedCell): CompletedCell | undefined =>
    cells.find(
      (c) =>
        c.strategy === BASELINE_STRATEGY &&
        c.suite === cell.suite &&
        c.runtime === cell.runtime &&
        c.size === cell.size &&
        c.throughput.tasksPerSec > 0,
    );
  // Every strategy planned gets an entry, even one that never completed: "no data" is an answer too.
  const keys = groupBy(
    result.cells.filter((cell) => cell.strategy !== BASELINE_STRATEGY && cell.scenario === 'batch'),
    (cell) => [cell.suite, cell.runtime, cell.strategy, cell.workers].join('\u0000'),
  );
  return keys.map((group) => {
    const { suite, runtime, strategy, workers } = group[0]!;
    const points = cells
      .filter((c) => c.suite === suite && c.runtime === runtime && c.strategy === strategy && c.workers === workers)
      .flatMap((cell) => {
        const base = baselineAt(cell);
        return base ? [ratioPoint(cell, base, plan)] : [];
      })
      .sort((a, b) => a.size - b.size);
    const finding = locateCrossover(points);
    const swept = sweep.sizes?.[suite] ?? [...new Set(group.map((c) => c.size))];
    const maxSize = sweep.maxSizes?.[suite];
    const suggestedSizes = suggestSizes(finding.status, swept, finding.crossings, maxSize);
    return {
      suite,
      strategy,
      runtime,
      workers,
      size: finding.size,
      taskMs: finding.taskMs,
      range: finding.range,
      status: finding.status,
      crossings: finding.crossings,
      suggestedSizes,
      note: crossoverNote(finding, points, suite, suggestedSizes, maxSize),
      ratios: points,
    };
  });
}

export function analyseStudy(result: RunResult, sweep: StudySweep): Study {
  const cores = result.context.cpu.cores;
  const crossovers = sweep.kind === 'size' ? crossoversOf(result, sweep) : [];
  const scaling = sweep.kind === 'workers' ? scalingOf(result, cores) : [];
  const study: Study = {
    kind: sweep.kind,
    baseline: BASELINE_STRATEGY,
    cores,
    ...(sweep.sizes ? { sizes: sweep.sizes } : {}),
    ...(sweep.workersList ? { workersList: sweep.workersList } : {}),
    complete: result.complete,
    crossovers,
    scaling,
    answer: [],
  };
  study.answer = studyAnswer(result, study);
  return study;
}
