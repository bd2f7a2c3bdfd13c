/**
 * A whole `bench http` run: each strategy's server in turn, one cell each. The results
 * file is rewritten (atomically) after every cell and marked incomplete until the end,
 * so Ctrl-C keeps what was measured.
 */
import { collectContext } from '../../orchestrate/context.js';
import type { CellResult, RunConfig, RunResult } from '../../contract/results.js';
import { RunJournal, runSteps } from '../../orchestrate/run-journal.js';
import { NOT_RUN } from '../../orchestrate/not-run.js';
import type { HttpCellKey } from './http-cell.js';
import { findHttpWarnings } from './http-warnings.js';
import { measureHttpCell } from './measure-http.js';
import type { HttpStrategyName, ServerSpec } from '../../contract/http-protocol.js';
import { workersFor } from '../../contract/strategies.js';

export interface HttpRunRequest {
  /** maxRequestSize: --max-request-size (absent: only the suite's maxSize). */
  suite: { name: string; url: string; size: number; maxRequestSize?: number };
  strategies: HttpStrategyName[];
  /** config.http must be set. */
  config: RunConfig & { http: NonNullable<RunConfig['http']> };
  commandLine: string[];
  resultsPath: (runId: string) => string;
  /** Called as each cell finishes (the CLI prints a progress line). */
  onCell: (index: number, total: number, cell: CellResult, elapsedMs: number) => void;
}

export async function executeHttpRun(request: HttpRunRequest, signal: AbortSignal): Promise<{ result: RunResult; path: string }> {
  const { config, suite } = request;
  const context = collectContext(request.commandLine, [], config.strategies);
  const keys: HttpCellKey[] = request.strategies.map((strategy) => ({
    scenario: 'http',
    suite: suite.name,
    size: suite.size,
    strategy,
    runtime: context.runtime.name,
    workers: workersFor(strategy, config.workers),
  }));
  const cells: CellResult[] = keys.map((key) => ({
    ...key,
    status: 'skipped',
    verified: false,
    reason: NOT_RUN,
  }));
  const journal = new RunJournal(request.resultsPath, {
    context,
    config,
    current: () => ({ cells: [...cells], warnings: findHttpWarnings(cells, context) }),
  });

  await runSteps(
    keys,
    signal,
    journal,
    async (key, index) => {
      const spec: ServerSpec = {
        suiteUrl: suite.url,
        size: suite.size,
        strategy: key.strategy as HttpStrategyName,
        workers: key.workers,
        workerNice: config.workerNice ?? 0,
        maxQueue: config.http.maxQueue,
        seed: config.seed,
        ...(config.maxHeapMb === undefined ? {} : { heapMb: config.maxHeapMb }),
        ...(suite.maxRequestSize === undefined ? {} : { maxRequestSize: suite.maxRequestSize }),
      };
      const startedAt = performance.now();
      const cell = await measureHttpCell({ key, spec, load: config.http, cellTimeoutMs: config.cellTimeoutMs }, signal);
      cells[index] = cell;
      request.onCell(index, keys.length, cell, performance.now() - startedAt);
    },
    (key) => key,
  );
  return journal.finish(signal);
}
