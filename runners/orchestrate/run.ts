import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateCell, type RoundRecord } from './aggregate.js';
import { collectContext } from './context.js';
import { EVENT_LOOP_RESOLUTION_MS } from '../contract/protocol.js';
import { cellId } from '../contract/cell-id.js';
import { planRounds, type PlannedSuite } from './plan.js';
import type { Progress } from './progress.js';
import { type BatchCellKey, type RunConfig, type RunResult, type RuntimeName } from '../contract/results.js';
import type { CellSpec } from '../contract/protocol.js';
import { unsupportedReason, type RuntimeProbe } from '../contract/capabilities.js';
import { launchCommand, suiteReadDirs } from '../runtimes/launch.js';
import type { RuntimeInstall } from '../runtimes/locate.js';
import { CELL_ENTRY_PATH, runCellProcess } from './spawn-cell.js';
import { RunJournal, runSteps } from './run-journal.js';
import { scratchPrefix } from './run-leftovers.js';
import { peerPackageOf, strategyFacts, transportsToRun, workersFor } from '../contract/strategies.js';
import { findWarnings } from './warnings.js';

/** A runtime the run asked for: installed and probed, or missing (its cells are skipped). */
export type RuntimeTarget = { name: RuntimeName; install: RuntimeInstall; probe: RuntimeProbe } | { name: RuntimeName; missing: string };

export interface RunRequest {
  suites: PlannedSuite[];
  config: RunConfig;
  runtimes: RuntimeTarget[];
  commandLine: string[];
  resultsPath: (runId: string) => string;
  /** A workers study: every strategy that uses workers runs at each of these counts instead of config.workers. */
  workersList?: readonly number[];
  /** --in-flight-per-worker: tasks each worker may hold at once; undefined: each strategy's own. */
  inFlightPerWorker?: number;
  /** --max-heap: old-generation limit (MiB) of the cell and of each worker and child; undefined: the runtime's. */
  maxHeapMb?: number;
  /** A payload study: each cell measures its rounds' `payload` figures too (runners/cell/payload-figures.ts). */
  payloadFigures?: boolean;
}

export async function executeRun(
  request: RunRequest,
  createProgress: (rounds: number) => Progress,
  signal: AbortSignal,
): Promise<{ result: RunResult; path: string }> {
  const { config } = request;
  const context = collectContext(
    request.commandLine,
    request.runtimes.flatMap((t) => ('probe' in t ? [t.probe] : [])),
    config.strategies,
  );
  const targets = new Map(request.runtimes.map((target) => [target.name, target]));
  const workerCounts = request.workersList ?? [config.workers];
  const plan = planRounds(
    request.suites,
    config.strategies,
    (strategy) => workerCounts.map((n) => workersFor(strategy, n)),
    request.runtimes.map((t) => t.name),
    config.rounds,
    (strategy) => transportsToRun(strategy, config.transports),
  );
  const skipReason = (key: BatchCellKey): string | undefined => {
    const target = targets.get(key.runtime)!;
    return 'missing' in target ? target.missing : unsupportedReason(target.probe, key.strategy, key.transport);
  };

  // Every planned cell, in first-seen order, with the rounds recorded so far.
  const cells = new Map<string, { key: BatchCellKey; records: RoundRecord[]; skip: string | undefined }>();
  for (const planned of plan) {
    if (!cells.has(cellId(planned.key))) cells.set(cellId(planned.key), { key: planned.key, records: [], skip: skipReason(planned.key) });
  }
  const runnable = plan.filter((planned) => cells.get(cellId(planned.key))!.skip === undefined);
  const progress = createProgress(runnable.length);
  const journal = new RunJournal(request.resultsPath, {
    context,
    config,
    current: () => {
      const results = [...cells.values()].map(({ key, records, skip }) => aggregateCell(key, records, skip));
      return { cells: results, warnings: findWarnings(results, context, config) };
    },
  });

  // Named with this process's PID: a later run removes it if a kill left it (run-leftovers.ts).
  const scratch = mkdtempSync(scratchPrefix('cells'));
  try {
    await runSteps(runnable, signal, journal, async (planned, index) => {
      progress.started(index, planned);
      const startedAt = performance.now();
      const target = targets.get(planned.key.runtime) as Extract<RuntimeTarget, { probe: RuntimeProbe }>;
      const spec: CellSpec = {
        suiteUrl: planned.suiteUrl,
        suite: planned.key.suite,
        size: planned.key.size,
        strategy: planned.key.strategy,
        workers: planned.key.workers,
        workerNice: config.workerNice ?? 0,
        thread: {
          api: target.probe.threadApi,
          smol: planned.key.runtime === 'bun-smol',
          ...(request.maxHeapMb === undefined ? {} : { heapMb: request.maxHeapMb }),
        },
        eventLoopMethod: target.probe.capabilities.eventLoopHistogram ? 'histogram' : 'timer-drift',
        eventLoopFloorMs: target.probe.eventLoopFloorMs ?? EVENT_LOOP_RESOLUTION_MS,
        round: planned.round,
        seed: config.seed,
        phaseMs: config.phaseMs,
        ...(request.inFlightPerWorker === undefined ? {} : { inFlightPerWorker: request.inFlightPerWorker }),
        ...(planned.key.transport === undefined ? {} : { transport: planned.key.transport }),
        ...(request.payloadFigures ? { payloadFigures: true } : {}),
        ...(config.phases ? { phases: true } : {}),
        outcomePath: join(scratch, `cell-${index}.json`),
      };
      const launch = launchCommand(target.install, CELL_ENTRY_PATH, [JSON.stringify(spec)], {
        readDirs: suiteReadDirs(planned.suiteUrl),
        writeDir: scratch,
        forks: strategyFacts(planned.key.strategy)?.kind === 'process',
        setsPriority: spec.workerNice > 0,
        readsCpus: peerPackageOf(planned.key.strategy) !== undefined,
        ...(request.maxHeapMb === undefined ? {} : { heapMb: request.maxHeapMb }),
      });
      const outcome = await runCellProcess(spec, launch, config.cellTimeoutMs, signal);
      cells.get(cellId(planned.key))!.records.push({ round: planned.round, outcome });
      progress.finished(index, planned, outcome, performance.now() - startedAt);
    });
  } finally {
    progress.done();
    rmSync(scratch, { recursive: true, force: true });
  }
  return journal.finish(signal);
}
