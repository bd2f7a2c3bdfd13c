/**
 * A whole run: plan the rounds, run each in a fresh cell process, aggregate, warn.
 * The results file is rewritten (atomically) after every round, marked incomplete until
 * the end, so neither Ctrl-C nor a crash of the CLI loses what was measured.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { aggregateCell, type RoundRecord } from './aggregate.js';
import { collectContext } from './context.js';
import { cellId, planRounds, type PlannedSuite } from './plan.js';
import type { Progress } from './progress.js';
import { SCHEMA_VERSION, type CellKey, type RunConfig, type RunResult } from './results.js';
import { CellInterrupted, runCellProcess } from './spawn-cell.js';
import { findStrategy } from './strategies/index.js';
import { findWarnings } from './warnings.js';
import { writeJsonAtomic } from './write-json-atomic.js';

export interface RunRequest {
  suites: PlannedSuite[];
  config: RunConfig;
  commandLine: string[];
  resultsPath: (runId: string) => string;
}

export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-').replace('Z', '')}-${randomBytes(3).toString('hex')}`;
}

export async function executeRun(request: RunRequest, progress: Progress, signal: AbortSignal): Promise<{ result: RunResult; path: string }> {
  const { config } = request;
  const runId = newRunId();
  const path = request.resultsPath(runId);
  const context = collectContext(request.commandLine);
  const workersFor = (strategy: string): number => (findStrategy(strategy)?.usesWorkers === false ? 1 : config.workers);
  const plan = planRounds(request.suites, config.strategies, workersFor, context.runtime.name, config.rounds);

  // Every planned cell, in first-seen order, with the rounds recorded so far.
  const cells = new Map<string, { key: CellKey; records: RoundRecord[] }>();
  for (const planned of plan) {
    if (!cells.has(cellId(planned.key))) cells.set(cellId(planned.key), { key: planned.key, records: [] });
  }
  const snapshot = (complete: boolean, interruptedBy?: string): RunResult => {
    const results = [...cells.values()].map(({ key, records }) => aggregateCell(key, records));
    return {
      schemaVersion: SCHEMA_VERSION,
      runId,
      createdAt: new Date().toISOString(),
      complete,
      ...(interruptedBy ? { interruptedBy } : {}),
      context,
      config,
      cells: results,
      warnings: findWarnings(results, context, config),
    };
  };

  const scratch = mkdtempSync(join(os.tmpdir(), 'bench-cells-'));
  try {
    for (const [index, planned] of plan.entries()) {
      if (signal.aborted) break;
      progress.started(index, planned);
      const startedAt = performance.now();
      const spec = {
        suiteUrl: planned.suiteUrl, suite: planned.key.suite, size: planned.key.size, strategy: planned.key.strategy,
        workers: planned.key.workers, workerNice: config.workerNice ?? 0, round: planned.round, seed: config.seed, phaseMs: config.phaseMs,
        outcomePath: join(scratch, `cell-${index}.json`),
      };
      try {
        const outcome = await runCellProcess(spec, config.cellTimeoutMs, signal);
        cells.get(cellId(planned.key))!.records.push({ round: planned.round, outcome });
        progress.finished(index, planned, outcome, performance.now() - startedAt);
      } catch (error) {
        if (error instanceof CellInterrupted) break;
        throw error;
      }
      writeJsonAtomic(path, snapshot(false));
    }
  } finally {
    progress.done();
    rmSync(scratch, { recursive: true, force: true });
  }
  const reason = signal.aborted ? String(signal.reason ?? 'interrupted') : undefined;
  const result = snapshot(!signal.aborted, reason);
  writeJsonAtomic(path, result);
  return { result, path };
}
