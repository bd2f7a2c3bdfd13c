/**
 * A runtime's server alone: GET /noop, answered at once on the server's main thread with no
 * strategy behind it, under the run's own load (connections, pipelining), its warm-up and window
 * capped at a few seconds (an idle route reaches its rate at once: a 60 s run need not spend
 * another minute here). What a strategy's server serves reads against it: the gap is the
 * strategy's cost, the rest the server's (its runtime's HTTP stack, the router, the load
 * generator on the same cores).
 */
import type { HttpLoadConfig, HttpNoop } from '../../contract/results.js';
import type { ServerSpec } from '../../contract/http-protocol.js';
import type { RuntimeInstall } from '../../runtimes/locate.js';
import { requestFigures } from './http-cell.js';
import { warmThenMeasure, withServer } from './measure-http.js';

export const NOOP_PATH = '/noop';
/** The longest warm-up and window the server alone gets, ms. */
const NOOP_MAX_WARMUP_MS = 1_000;
const NOOP_MAX_WINDOW_MS = 3_000;

/** The run's load, its warm-up and window capped. */
export const noopLoad = (load: HttpLoadConfig): HttpLoadConfig => ({
  ...load,
  warmupMs: Math.min(load.warmupMs, NOOP_MAX_WARMUP_MS),
  durationMs: load.durationMs === null ? null : Math.min(load.durationMs, NOOP_MAX_WINDOW_MS),
});

export interface NoopRequest {
  /** Which runtime serves, as its cells are named. */
  runtimeName: string;
  runtime: RuntimeInstall;
  /** The baseline's server: nothing is started beside it, and /noop never reaches its executor. */
  spec: ServerSpec;
  load: HttpLoadConfig;
  cellTimeoutMs: number;
}

/** Resolves with the server's figures, or why it could not be measured; rejects with CellInterrupted on Ctrl-C. */
export function measureNoop(request: NoopRequest, signal: AbortSignal): Promise<HttpNoop> {
  const { runtimeName: runtime } = request;
  return withServer<HttpNoop>(
    request,
    signal,
    async (tools) => {
      const outcome = await warmThenMeasure(tools, noopLoad(request.load), NOOP_PATH);
      tools.checkpoint();
      if (outcome.ok === 0) {
        return {
          runtime,
          status: 'errored',
          error: `no /noop request was answered 2xx (${outcome.errors} connection errors, ${outcome.timeouts} timeouts)`,
        };
      }
      const { requests, latency, latencyMs } = requestFigures(outcome);
      return { runtime, status: 'completed', requests, latency, samples: { latencyMs } };
    },
    (error) => ({ runtime, status: 'errored', error }),
  );
}
