/**
 * The load generator: autocannon's programmatic API, in the harness process (never the
 * server's: sharing a process costs the server ~30 % of its requests/s). autocannon
 * rounds latency to whole milliseconds, so each response's sub-millisecond time is
 * taken from its `response` event (hrtime-based) into our own samples.
 * Like autocannon itself, these latencies are not corrected for coordinated omission:
 * each connection waits for its answer before it asks again (a closed loop).
 */
import autocannon from 'autocannon';
import { toError } from '../../common/error-message.js';

export interface LoadOptions {
  url: string;
  connections: number;
  pipelining: number;
  /** Seconds of load, or a number of requests (`amount` wins when both are given). */
  durationS?: number;
  amount?: number;
  /** Seconds before an unanswered request counts as a timeout. */
  timeoutS: number;
}

export interface LoadOutcome {
  /** From the start of the load to its last response: autocannon's own end waits for a sampling tick. */
  wallMs: number;
  /** Response time of every 2xx response, ms, in arrival order. */
  okLatenciesMs: number[];
  total: number;
  ok: number;
  /** Connection errors, timeouts included, as autocannon counts them. */
  errors: number;
  timeouts: number;
  non2xx: number;
  overloaded: number;
  serverErrors: number;
}

const SERVICE_UNAVAILABLE = 503;
/**
 * autocannon notices the end of the load only at its next sampling tick (1 s by default),
 * so a short run would end up to a second late; its per-tick counts are not used here.
 */
const SAMPLE_INTERVAL_MS = 50;

/** Runs one load; `signal` stops it early (Ctrl-C), keeping what was measured. */
export function driveLoad(options: LoadOptions, signal?: AbortSignal): Promise<LoadOutcome> {
  const outcome: LoadOutcome = {
    wallMs: 0,
    okLatenciesMs: [],
    total: 0,
    ok: 0,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    overloaded: 0,
    serverErrors: 0,
  };
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    let lastResponseAt = startedAt;
    const instance = autocannon(
      {
        sampleInt: SAMPLE_INTERVAL_MS,
        url: options.url,
        connections: options.connections,
        pipelining: options.pipelining,
        timeout: options.timeoutS,
        ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationS ?? 1 }),
      },
      (error, result) => {
        signal?.removeEventListener('abort', stop);
        if (error) return reject(toError(error));
        outcome.wallMs = (outcome.total > 0 ? lastResponseAt : performance.now()) - startedAt;
        outcome.errors = result.errors;
        outcome.timeouts = result.timeouts;
        outcome.non2xx = result.non2xx;
        resolve(outcome);
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      lastResponseAt = performance.now();
      outcome.total++;
      if (statusCode >= 200 && statusCode < 300) {
        outcome.ok++;
        outcome.okLatenciesMs.push(responseTime);
      } else if (statusCode === SERVICE_UNAVAILABLE) {
        outcome.overloaded++;
      } else if (statusCode >= 500) {
        outcome.serverErrors++;
      }
    });
    const stop = (): void => instance.stop();
    signal?.addEventListener('abort', stop, { once: true });
  });
}
