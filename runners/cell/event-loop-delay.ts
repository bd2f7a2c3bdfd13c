import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { EventLoopDelay } from '../contract/results.js';
import { quantile } from '../common/stats.js';
import { EVENT_LOOP_RESOLUTION_MS } from '../contract/protocol.js';

export interface EventLoopProbe {
  stop(): EventLoopDelay;
}

/**
 * Measures how late the cell's event loop runs timers while tasks are in flight.
 * Node's monitorEventLoopDelay records the whole timer interval, not the excess (an idle
 * loop reads ~resolution), Bun's only the excess: `floorMs`, what the runtime probe saw an
 * idle loop read, is subtracted. Runtimes without a working histogram (the probe checks it
 * sees a blocked loop) get a setTimeout drift probe.
 */
export function startEventLoopProbe(method: EventLoopDelay['method'] = 'histogram', floorMs = EVENT_LOOP_RESOLUTION_MS): EventLoopProbe {
  let histogram: ReturnType<typeof monitorEventLoopDelay> | undefined;
  try {
    if (method === 'histogram') {
      histogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
      histogram.enable();
    }
  } catch {
    histogram = undefined;
  }
  if (histogram) {
    const h = histogram;
    return {
      stop() {
        h.disable();
        return histogramDelay(h, floorMs);
      },
    };
  }
  return startTimerDriftProbe();
}

/**
 * A histogram's reading less the idle floor. Bun's histogram can report a percentile above
 * its exact max (a bucket's upper bound), so each percentile is capped at the max: a round
 * with p99 above max is not a valid results file.
 */
export function histogramDelay(h: Pick<ReturnType<typeof monitorEventLoopDelay>, 'percentile' | 'max'>, floorMs: number): EventLoopDelay {
  const excess = (ns: number): number => (Number.isFinite(ns) ? Math.max(0, ns / 1e6 - floorMs) : 0);
  const maxMs = excess(h.max);
  const upTo = (ns: number): number => Math.min(excess(ns), maxMs);
  return { p50Ms: upTo(h.percentile(50)), p99Ms: upTo(h.percentile(99)), maxMs, method: 'histogram' };
}

function startTimerDriftProbe(): EventLoopProbe {
  const drifts: number[] = [];
  let expected = performance.now() + EVENT_LOOP_RESOLUTION_MS;
  let timer = setTimeout(function tick() {
    const now = performance.now();
    drifts.push(Math.max(0, now - expected));
    expected = now + EVENT_LOOP_RESOLUTION_MS;
    timer = setTimeout(tick, EVENT_LOOP_RESOLUTION_MS);
  }, EVENT_LOOP_RESOLUTION_MS);
  return {
    stop() {
      clearTimeout(timer);
      // A tick still waiting counts too: a loop so busy that timers never fire must not read as 0.
      drifts.push(Math.max(0, performance.now() - expected));
      const sorted = drifts.sort((a, b) => a - b);
      return { p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99), maxMs: sorted.at(-1) ?? 0, method: 'timer-drift' };
    },
  };
}
