import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateCell, type RoundRecord } from './aggregate.js';
import { collectContext } from './context.js';
import { cellId } from '../contract/cell-id.js';
import { planRun, type PlannedSuite, type RuntimeTarget } from './plan.js';
import type { Progress } from './progress.js';
import type { BatchCellKey, RunConfig, RunResult } from '../contract/results.js';
import { launchCell } from './launch-cell.js';
import { RunJournal, runSteps } from './run-journal.js';
import { scratchPrefix } from './run-leftovers.js';
import { findWarnings } from './warnings.js';

export type { RuntimeTarget } from './plan.js';

export interface RunRequest {
  suites: PlannedSuite[];
  config: RunConfig;
  runtimes: RuntimeTarget[];
  commandLine: string[];
  resultsPath: (runId: string) => string;
  /** A workers study: every strategy that uses workers runs at each of these counts instead of config.workers. */
  workersList?: readonly number[];
  /** A payload study: each cell measures its rounds' `payload` figures too (runners/cell/payload-figures.ts). */
  payloadFigures?: boolean;
}

export async function executeRun(
  request: RunRequest,
  createProgress: (rounds: number) => Progress,
  signal: AbortSignal,
): Promise<{ result: RunResult; path: string }> {
  // What the cells get (launch-cell.ts) is what the results file records: the one config.
  const { config } = request;
  const context = collectContext(
    request.commandLine,
    request.runtimes.flatMap((t) => ('probe' in t ? [t.probe] : [])),
    config.strategies,
  );
  const plan = planRun({ ...request, config });

  // Every planned cell, in first-seen order, with the rounds recorded so far.
  const cells = new Map<string, { key: BatchCellKey; records: RoundRecord[]; skip: string | undefined }>(
    plan.cells.map(({ key, skip }) => [cellId(key), { key, records: [], skip }]),
  );
  const { runnable } = plan;
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
    await runSteps(
      runnable,
      signal,
      journal,
      async (planned, index) => {
        progress.started(index, planned);
        const startedAt = performance.now();
        const outcome = await launchCell(
          {
            config,
            payloadFigures: request.payloadFigures,
            planned,
            target: plan.targetOf(planned.key),
            outcomePath: join(scratch, `cell-${index}.json`),
          },
          signal,
        );
        cells.get(cellId(planned.key))!.records.push({ round: planned.round, outcome });
        progress.finished(index, planned, outcome, performance.now() - startedAt);
      },
      (planned) => planned.key,
    );
  } finally {
    progress.done();
    rmSync(scratch, { recursive: true, force: true });
  }
  return journal.finish(signal);
}
