import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { EventLoopDelay } from './results.js';
import { quantile } from './stats.js';

/** Finest resolution monitorEventLoopDelay takes, ms. */
const RESOLUTION_MS = 1;

export interface EventLoopProbe {
  stop(): EventLoopDelay;
}

/**
 * Measures how late the cell's event loop runs timers while tasks are in flight.
 * monitorEventLoopDelay records the whole timer interval, not the excess (an idle loop
 * reads ~resolution), so the resolution is subtracted. Runtimes without a working one
 * (the runtime probe checks it sees a blocked loop) get a setTimeout drift probe.
 */
export function startEventLoopProbe(method: EventLoopDelay['method'] = 'histogram'): EventLoopProbe {
  let histogram: ReturnType<typeof monitorEventLoopDelay> | undefined;
  try {
    if (method === 'histogram') {
      histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
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
        const excess = (ns: number): number => (Number.isFinite(ns) ? Math.max(0, ns / 1e6 - RESOLUTION_MS) : 0);
        return { p50Ms: excess(h.percentile(50)), p99Ms: excess(h.percentile(99)), maxMs: excess(h.max), method: 'histogram' };
      },
    };
  }
  return startTimerDriftProbe();
}

function startTimerDriftProbe(): EventLoopProbe {
  const drifts: number[] = [];
  let expected = performance.now() + RESOLUTION_MS;
  let timer = setTimeout(function tick() {
    const now = performance.now();
    drifts.push(Math.max(0, now - expected));
    expected = now + RESOLUTION_MS;
    timer = setTimeout(tick, RESOLUTION_MS);
  }, RESOLUTION_MS);
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
