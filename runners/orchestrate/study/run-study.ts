/**
 * A study is an ordinary run: the same run loop (run.ts), the same fresh process per
 * cell and round, the same rounds interleaved across sizes, strategies and worker
 * counts. This file only shapes the plan (a size study plans one suite entry per size;
 * a workers study passes its worker counts), prints its size and estimated duration
 * before starting, and drives the study's own progress line.
 */
import type { RunResult } from '../../contract/results.js';
import type { StudyKind } from '../../contract/study.js';
import { planRun, probesOf, type PlannedSuite } from '../plan.js';
import { executeRun, type RunRequest } from '../run.js';
import { calibrateTaskTimes, estimateRoundMs, formatDuration } from './estimate.js';
import { createStudyProgress } from './study-progress.js';

export interface StudyRequest {
  kind: StudyKind;
  /** The run underneath; a workers study's counts go in `workersList`. */
  run: RunRequest;
  /** The machine's cores (availableParallelism), for the estimate. */
  cores: number;
  /** Where the plan and the estimate are printed. */
  log: (line: string) => void;
}

/** One planned suite per swept size: the run loop already interleaves suites within each round. */
export function sizeSweep(suite: Omit<PlannedSuite, 'size'>, sizes: readonly number[]): PlannedSuite[] {
  return sizes.map((size) => ({ ...suite, size }));
}

/**
 * The default worker counts of a workers study: every count up to the cores on small
 * machines, and a roughly geometric ladder on big ones, always through the core count to
 * twice it (past the cores the figures show what oversubscription costs).
 */
export function defaultWorkersList(cores: number): number[] {
  const top = 2 * cores;
  if (cores <= 8) return Array.from({ length: Math.max(4, top) }, (_, i) => i + 1);
  const ladder = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256].filter((n) => n <= top);
  return [...new Set([...ladder, cores, top])].sort((a, b) => a - b);
}

export async function executeStudy(request: StudyRequest, signal: AbortSignal): Promise<{ result: RunResult; path: string }> {
  const { run } = request;
  // The rounds the run loop will execute (skipped cells excluded), in its order: the same plan executeRun makes.
  const rounds = planRun(run).runnable;
  const probes = probesOf(run.runtimes);
  const taskTimes = await calibrateTaskTimes(run.suites, signal);
  const estimates = rounds.map((planned) =>
    estimateRoundMs(planned.key, { phaseMs: run.config.phaseMs, cores: request.cores, taskTimes, probes }),
  );
  const total = estimates.reduce((sum, ms) => sum + ms, 0);
  const cells = new Set(
    rounds.map((r) => [r.key.suite, r.key.size, r.key.strategy, r.key.transport, r.key.runtime, r.key.workers].join('|')),
  ).size;
  const swept =
    request.kind === 'workers'
      ? `worker counts ${(run.workersList ?? [run.config.workers]).join(', ')}`
      : `${new Set(run.suites.map((s) => `${s.name}|${s.size}`)).size} ${request.kind === 'payload' ? 'payload sizes' : 'suite sizes'}`;
  // A payload study's dimension is the transport: a strategy with two counts twice.
  const across =
    request.kind === 'payload'
      ? `${new Set(rounds.map((r) => `${r.key.strategy}|${r.key.transport}`)).size} transports`
      : `${run.config.strategies.length} strategies`;
  request.log(
    `study ${request.kind}: ${swept} × ${across} = ${cells} cells × ${run.config.rounds} rounds = ` +
      `${rounds.length} cell rounds; estimated ${formatDuration(total)} (from one timed task per size)`,
  );
  if (total > 30 * 60_000 && !run.config.quick)
    request.log('  that is long: --quick halves the rounds and shortens each phase; fewer --sizes or --strategies cut it further');
  // Estimates follow the run loop's own order, which indexes its progress calls the same way.
  return executeRun(run, () => createStudyProgress(estimates), signal);
}
