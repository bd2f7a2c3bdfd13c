import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateCell, type RoundRecord } from './aggregate.js';
import { collectContext } from './context.js';
import { cellId } from '../contract/cell-id.js';
import { planRun, probesOf, type PlannedRound, type PlannedSuite, type RuntimeTarget } from './plan.js';
import { DisturbedRounds } from './redo-disturbed.js';
import { unsettledPoints } from '../../reports/decide/paired/stop-rule.js';
import type { Progress } from './progress.js';
import { estimateRoundMs, type RoundEstimate } from './study/estimate.js';
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
  /**
   * How many of its answers the results so far leave unsettled: a sequential run (config.maxRounds)
   * adds blocks while any is. Absent: `bench run`'s, each point's speedups over main-thread.
   */
  unsettled?: (sofar: RunResult) => number;
}

export async function executeRun(
  request: RunRequest,
  createProgress: (rounds: readonly PlannedRound[], estimateOf: RoundEstimate) => Progress,
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
  // Tasks untimed (1 ms each): the estimates only rank the cells' rounds, and the ETA scales them by the rounds timed.
  const estimates = { phaseMs: config.phaseMs, cores: context.cpu.cores, taskTimes: new Map(), probes: probesOf(request.runtimes) };
  const progress = createProgress(runnable, (key) => estimateRoundMs(key, estimates));
  const journal = new RunJournal(request.resultsPath, {
    context,
    config,
    current: () => {
      const results = [...cells.values()].map(({ key, records, skip }) => aggregateCell(key, records, skip));
      return { cells: results, warnings: findWarnings(results, context, config) };
    },
  });
  const disturbed = config.disturbedAbove === undefined ? undefined : new DisturbedRounds(config.disturbedAbove, runnable.length);
  const startedAt = performance.now();
  // The rounds still to measure: the plan's, then a redo or a block at a time as the measured ones ask.
  const queue = [...runnable];
  let blocks = config.rounds;
  const nextBlock = (): PlannedRound[] => {
    const { maxRounds, maxTimeMs } = config;
    if (maxRounds === undefined || maxTimeMs === undefined || blocks >= maxRounds || signal.aborted) return [];
    const elapsed = performance.now() - startedAt;
    // Another block only if it should end within the budget, at the pace of the blocks so far.
    if (elapsed + elapsed / blocks > maxTimeMs) return [];
    const sofar = journal.snapshot(false);
    const unsettled = (request.unsettled ?? ((r: RunResult) => unsettledPoints(r.cells, r.config)))(sofar);
    if (unsettled === 0) return [];
    blocks++;
    const block = plan.block(blocks);
    progress.added(block, `block ${blocks}: ${unsettled} answer${unsettled === 1 ? '' : 's'} not settled yet, measuring another`);
    return block;
  };
  function* schedule(): Generator<PlannedRound> {
    for (;;) {
      if (queue.length === 0) queue.push(...nextBlock());
      const next = queue.shift();
      if (next === undefined) return;
      yield next;
    }
  }

  // Named with this process's PID: a later run removes it if a kill left it (run-leftovers.ts).
  const scratch = mkdtempSync(scratchPrefix('cells'));
  try {
    await runSteps(
      schedule(),
      signal,
      journal,
      async (planned, index) => {
        progress.started(index, planned);
        const roundStartedAt = performance.now();
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
        const judged = outcome.ok ? disturbed?.judge(cellId(planned.key), planned.round, outcome.sample) : undefined;
        const record = { round: planned.round, outcome, ...(judged?.redo ? { disturbed: judged.reason } : {}) };
        cells.get(cellId(planned.key))!.records.push(record);
        progress.finished(index, planned, outcome, performance.now() - roundStartedAt);
        if (judged?.redo) {
          progress.added(
            [planned],
            `redoing ${planned.key.strategy} round ${planned.round}: ${judged.reason} (kept aside, out of the figures)`,
            true,
          );
          await disturbed!.waitForQuiet(signal);
          queue.unshift(planned);
        }
      },
      (planned) => planned.key,
    );
  } finally {
    progress.done();
    rmSync(scratch, { recursive: true, force: true });
  }
  return journal.finish(signal);
}
