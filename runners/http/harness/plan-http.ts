/**
 * The cells of a `bench http` run, in the order they run and the table shows them: runtime by
 * runtime (each server kind measured back to back), then strategy, transport and worker count.
 * A strategy that uses workers runs at each count of --workers-list (main-thread, one thread,
 * once); a cell its runtime is missing for, or cannot serve, is planned skipped with the reason.
 */
import { unsupportedReason } from '../../contract/capabilities.js';
import type { HttpStrategyName } from '../../contract/http-protocol.js';
import { transportsToRun, workersFor } from '../../contract/strategies.js';
import type { RuntimeTarget } from '../../orchestrate/plan.js';
import type { HttpCellKey } from './http-cell.js';

export interface PlannedHttpCell {
  key: HttpCellKey & { runtime: RuntimeTarget['name'] };
  target: RuntimeTarget;
  /** Why it is not run; undefined: it runs. */
  skip: string | undefined;
}

export interface HttpPlanRequest {
  suite: { name: string; size: number };
  strategies: readonly HttpStrategyName[];
  runtimes: readonly RuntimeTarget[];
  /** --workers-list, or [--workers]. */
  workerCounts: readonly number[];
  /** --transport; absent: each strategy's default. */
  transports?: readonly string[] | undefined;
}

export function planHttpCells({ suite, strategies, runtimes, workerCounts, transports }: HttpPlanRequest): PlannedHttpCell[] {
  return runtimes.flatMap((target) =>
    strategies.flatMap((strategy) =>
      transportsToRun(strategy, transports).flatMap((transport) =>
        [...new Set(workerCounts.map((count) => workersFor(strategy, count)))].map((workers): PlannedHttpCell => {
          const skip = 'missing' in target ? target.missing : unsupportedReason(target.probe, strategy, transport);
          return {
            key: { scenario: 'http', suite: suite.name, size: suite.size, strategy, runtime: target.name, workers, transport },
            target,
            skip,
          };
        }),
      ),
    ),
  );
}
