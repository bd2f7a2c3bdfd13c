/**
 * `bench study size|workers` options → a validated study plan. The run's own options go
 * through resolveRunOptions (the same checks as `bench run`); this adds the sweep:
 * --sizes or the suite's `sizes`, --workers-list or 1 … 2 × cores. Every check names
 * the flag and the fix (UsageError: one line, exit 2).
 */
import os from 'node:os';
import { suiteFacts } from '../../../runners/orchestrate/suite-facts.js';
import type { PlannedSuite } from '../../../runners/orchestrate/plan.js';
import type { StudyKind, SweepStudyKind } from '../../../runners/contract/study.js';
import { BASELINE_STRATEGY, strategyFacts } from '../../../runners/contract/strategies.js';
import { defaultWorkersList, sizeSweep } from '../../../runners/orchestrate/study/run-study.js';
import type { StudySweep } from '../../../reports/decide/study/analyse.js';
import { resolveRunOptions, type RawRunOptions } from './run-options.js';
import { UsageError } from '../usage-error.js';
import { parseAscendingList } from '../parse/values.js';
import { resolvePayloadOptions, type PayloadPlan } from './payload-study-options.js';

export interface RawStudyOptions extends RawRunOptions {
  sizes?: string;
  workersList?: string;
}

export interface StudyPlan {
  kind: SweepStudyKind;
  suites: PlannedSuite[];
  config: Awaited<ReturnType<typeof resolveRunOptions>>['config'];
  workersList?: number[];
  sweep: StudySweep;
  /** Adjustments made to the request, told to the user before the study starts. */
  notes: string[];
}

export const MAX_WORKERS = 256;

/** The baseline joins every study (crossovers and "× main-thread" are measured against it); alone it studies nothing. */
function withBaseline(strategies: readonly string[], notes: string[]): string[] {
  if (strategies.every((s) => s === BASELINE_STRATEGY)) {
    throw new UsageError(
      `--strategies ${BASELINE_STRATEGY} alone: a study compares strategies with it; add one, e.g. --strategies ${BASELINE_STRATEGY},worker-pool`,
    );
  }
  if (strategies.includes(BASELINE_STRATEGY)) return [...strategies];
  notes.push(`${BASELINE_STRATEGY} added to --strategies: it is the baseline every ratio is measured against`);
  return [BASELINE_STRATEGY, ...strategies];
}

async function sizePlan(raw: RawStudyOptions): Promise<StudyPlan> {
  if (raw.workersList !== undefined)
    throw new UsageError('--workers-list belongs to `bench study workers`; a size study runs one --workers count at every size');
  const { suites, config } = await resolveRunOptions({ ...raw, size: undefined });
  if (raw.sizes !== undefined && suites.length > 1)
    throw new UsageError(
      "--sizes applies to a single suite: study the suites one at a time, or leave --sizes out to sweep each suite's own sizes",
    );
  const notes: string[] = [];
  const sizes: Record<string, number[]> = {};
  const maxSizes: Record<string, number> = {};
  const planned: PlannedSuite[] = [];
  for (const { name, url } of suites) {
    // Probed already by resolveRunOptions: the same answer, no second process.
    const suite = await suiteFacts(url);
    const limit = suite.maxSize ?? Number.MAX_SAFE_INTEGER;
    let swept: number[];
    if (raw.sizes !== undefined) {
      swept = parseAscendingList(
        'sizes',
        raw.sizes,
        1,
        Number.MAX_SAFE_INTEGER,
        suite.sizes.length > 1 ? suite.sizes.join(',') : '1000,10000,100000',
      );
      const over = swept.find((size) => size > limit);
      if (over !== undefined) throw new UsageError(`--sizes: ${over} is above ${name}'s maxSize ${limit}; choose sizes from 1 to ${limit}`);
    } else {
      swept = [...new Set(suite.sizes)].sort((a, b) => a - b).filter((size) => size <= limit);
      if (swept.length < 2) {
        const base = swept[0] ?? suite.defaultSize;
        throw new UsageError(
          `suite ${name} lists ${swept.length === 1 ? `one size (${base})` : 'no sizes'} to sweep: give --sizes with at least two, e.g. --sizes ${Math.max(1, Math.round(base / 10))},${base},${Math.min(limit, base * 10)}`,
        );
      }
    }
    sizes[name] = swept;
    if (suite.maxSize !== undefined) maxSizes[name] = suite.maxSize;
    planned.push(...sizeSweep({ name, url }, swept));
  }
  const strategies = withBaseline(config.strategies, notes);
  return {
    kind: 'size',
    suites: planned,
    config: { ...config, strategies, sizes: Object.fromEntries(Object.entries(sizes).map(([name, list]) => [name, list.at(-1)!])) },
    sweep: { kind: 'size', sizes, maxSizes },
    notes,
  };
}

async function workersPlan(raw: RawStudyOptions): Promise<StudyPlan> {
  if (raw.sizes !== undefined) throw new UsageError('--sizes belongs to `bench study size`; a workers study runs one --size per suite');
  const workersList =
    raw.workersList === undefined
      ? defaultWorkersList(os.availableParallelism())
      : parseAscendingList('workers-list', raw.workersList, 1, MAX_WORKERS, '1,2,4,8');
  if (!workersList.includes(1)) {
    throw new UsageError(
      `--workers-list ${raw.workersList} has no 1: speedup and efficiency are measured against each strategy's 1-worker rate; start it at 1, e.g. --workers-list 1,${workersList.join(',')}`,
    );
  }
  // The largest count sizes the default heap limit: the cells that run it hold the most workers.
  const { suites, config } = await resolveRunOptions({ ...raw, workers: workersList.at(-1)! });
  const notes: string[] = [];
  const strategies = withBaseline(config.strategies, notes);
  if (!strategies.some((s) => strategyFacts(s)?.kind !== 'main')) {
    throw new UsageError(
      '--strategies: none of them uses workers, so there is nothing to scale; add worker-pool, shared-memory or process-pool',
    );
  }
  return {
    kind: 'workers',
    suites,
    config: { ...config, strategies },
    workersList,
    sweep: { kind: 'workers', workersList },
    notes,
  };
}

export function resolveStudyOptions(kind: StudyKind, raw: RawStudyOptions): Promise<StudyPlan | (PayloadPlan & { kind: 'payload' })> {
  if (kind === 'payload') return resolvePayloadOptions(raw).then((plan) => ({ ...plan, kind }));
  return kind === 'size' ? sizePlan(raw) : workersPlan(raw);
}
