/**
 * A whole `bench http` run: runtime by runtime, each strategy's server in turn, one cell each
 * (at each worker count of --workers-list), then its server alone (GET /noop, measure-noop.ts).
 * The results file is rewritten (atomically) after every step and marked incomplete until the
 * end, so Ctrl-C keeps what was measured.
 */
import { collectContext } from '../../orchestrate/context.js';
import type { CellResult, HttpNoop, RunConfig, RunResult } from '../../contract/results.js';
import { EVENT_LOOP_RESOLUTION_MS } from '../../contract/protocol.js';
import { RunJournal, runSteps } from '../../orchestrate/run-journal.js';
import { NOT_RUN } from '../../orchestrate/not-run.js';
import type { ProbedTarget, RuntimeTarget } from '../../orchestrate/plan.js';
import { findHttpWarnings } from './http-warnings.js';
import { measureHttpCell } from './measure-http.js';
import { measureNoop } from './measure-noop.js';
import { planHttpCells, type PlannedHttpCell } from './plan-http.js';
import type { HttpStrategyName, ServerSpec } from '../../contract/http-protocol.js';
import { BASELINE_STRATEGY } from '../../contract/strategies.js';

export interface HttpRunRequest {
  /** maxRequestSize: --max-request-size (absent: only the suite's maxSize). */
  suite: { name: string; url: string; size: number; maxRequestSize?: number };
  strategies: HttpStrategyName[];
  /** config.http must be set. */
  config: RunConfig & { http: NonNullable<RunConfig['http']> };
  /** The runtimes that serve, located and probed; a missing one (--keep-going) has its cells skipped. */
  runtimes: readonly RuntimeTarget[];
  commandLine: string[];
  resultsPath: (runId: string) => string;
  /** Called as each cell finishes (the CLI prints a progress line). */
  onCell: (index: number, total: number, cell: CellResult, elapsedMs: number) => void;
  /** Called as each runtime's server alone is measured. */
  onNoop?: (noop: HttpNoop, elapsedMs: number) => void;
}

type Step = { kind: 'noop'; target: ProbedTarget } | { kind: 'cell'; index: number; planned: PlannedHttpCell & { target: ProbedTarget } };

/** What a server on `target` is told of its runtime: how threads start, how its event loop is read (the probe's findings, as a cell's). */
function hostSettings(target: ProbedTarget): Pick<ServerSpec, 'thread' | 'eventLoopMethod' | 'eventLoopFloorMs'> {
  const { probe } = target;
  return {
    thread: { api: probe.threadApi, smol: target.name === 'bun-smol' },
    eventLoopMethod: probe.capabilities.eventLoopHistogram ? 'histogram' : 'timer-drift',
    eventLoopFloorMs: probe.eventLoopFloorMs ?? EVENT_LOOP_RESOLUTION_MS,
  };
}

export async function executeHttpRun(request: HttpRunRequest, signal: AbortSignal): Promise<{ result: RunResult; path: string }> {
  const { config, suite } = request;
  const probed = request.runtimes.filter((t): t is ProbedTarget => 'probe' in t);
  const context = collectContext(
    request.commandLine,
    probed.map((t) => t.probe),
    config.strategies,
  );
  const planned = planHttpCells({
    suite,
    strategies: request.strategies,
    runtimes: request.runtimes,
    workerCounts: config.http.workersList ?? [config.workers],
    transports: config.transports,
  });
  const cells: CellResult[] = planned.map(({ key, skip }) => ({ ...key, status: 'skipped', verified: false, reason: skip ?? NOT_RUN }));
  const noop: HttpNoop[] = [];
  const journal = new RunJournal(request.resultsPath, {
    context,
    config,
    current: () => ({ cells: [...cells], warnings: findHttpWarnings(cells, context), noop: [...noop] }),
  });

  // Each runtime: its cells, then its server alone (after them: what the run is for comes first).
  const steps: Step[] = probed.flatMap((target) => [
    ...planned.flatMap((cell, index): Step[] =>
      cell.target === target && cell.skip === undefined ? [{ kind: 'cell', index, planned: { ...cell, target } }] : [],
    ),
    { kind: 'noop' as const, target },
  ]);
  const total = steps.filter((step) => step.kind === 'cell').length;
  const base = {
    suiteUrl: suite.url,
    size: suite.size,
    workerNice: config.workerNice ?? 0,
    maxQueue: config.http.maxQueue,
    seed: config.seed,
    ...(config.maxHeapMb === undefined ? {} : { heapMb: config.maxHeapMb }),
    ...(suite.maxRequestSize === undefined ? {} : { maxRequestSize: suite.maxRequestSize }),
  };

  let done = 0;
  await runSteps(
    steps,
    signal,
    journal,
    async (step) => {
      const startedAt = performance.now();
      if (step.kind === 'noop') {
        const spec: ServerSpec = { ...base, strategy: BASELINE_STRATEGY, workers: 1, ...hostSettings(step.target) };
        const measured = await measureNoop(
          { runtimeName: step.target.name, runtime: step.target.install, spec, load: config.http, cellTimeoutMs: config.cellTimeoutMs },
          signal,
        );
        noop.push(measured);
        request.onNoop?.(measured, performance.now() - startedAt);
        return;
      }
      const { key, target } = step.planned;
      const spec: ServerSpec = {
        ...base,
        strategy: key.strategy as HttpStrategyName,
        workers: key.workers,
        ...hostSettings(target),
        // `none` (main-thread, cluster) moves no payload: the executor has no transport to set.
        ...(key.transport === undefined || key.transport === 'none' ? {} : { transport: key.transport }),
        ...(config.phases ? { phases: true } : {}),
      };
      const cell = await measureHttpCell(
        { key, spec, runtime: target.install, load: config.http, cellTimeoutMs: config.cellTimeoutMs },
        signal,
      );
      cells[step.index] = cell;
      request.onCell(done++, total, cell, performance.now() - startedAt);
    },
    (step) => (step.kind === 'cell' ? step.planned.key : undefined),
  );
  return journal.finish(signal);
}
