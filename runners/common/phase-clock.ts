/**
 * The clocks phase stamps are taken with (--phases), and the NTP-style offset between a
 * host (worker thread, child process) and the cell. Every thread and process reads
 * `performance.timeOrigin + performance.now()`: the same epoch-based clock up to the few
 * microseconds each one's timeOrigin was read off, plus whatever the wall clock was slewed
 * since. The ping at start-up measures that offset, so stamps from two sides can be subtracted.
 */
import { CLOCK_SKEW_ENV, PHASE_EPOCH_MS } from '../contract/phases.js';

// Computed once per thread: the clock is then one addition on performance.now().
const ORIGIN = performance.timeOrigin - PHASE_EPOCH_MS;

/** The cell's clock: ms since PHASE_EPOCH_MS. */
export const cellClock = (): number => ORIGIN + performance.now();
/** A `performance.now()` reading the caller took anyway, on the cell's clock: one clock read serves both. */
export const cellTime = (performanceNow: number): number => ORIGIN + performanceNow;

/** A test's injected skew (CLOCK_SKEW_ENV), read once, and only by a host that times phases. */
function injectedSkewMs(): number {
  const text = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[CLOCK_SKEW_ENV];
  const skew = text === undefined || text === '' ? 0 : Number(text);
  return Number.isFinite(skew) ? skew : 0;
}

/** A host's raw clock, before its offset to the cell is applied: the cell's, plus a test's injected skew. */
export function hostRawClock(): () => number {
  const origin = ORIGIN + injectedSkewMs();
  return () => origin + performance.now();
}

/** One ping: sent and answered on the host's raw clock, `at` on the cell's. */
export interface PingSample {
  sentAt: number;
  /** The cell's clock when it answered. */
  at: number;
  receivedAt: number;
}

/**
 * The cell's clock minus the host's. Each ping bounds it: the cell answered after the host
 * sent and before it received, so the offset lies in [at − receivedAt, at − sentAt]; the
 * pings' bounds intersected are narrower than any one ping's.
 *
 * When that interval holds 0, the pings found no skew, and 0 is the answer: hosts read the
 * same system clock, and measured here two threads of one process agree to 0.24 µs (the
 * resolution of ms since 1970), while the middle of a ping interval is only as good as the
 * legs are symmetric — on a loaded 2-core machine tens of µs off, enough to turn a 20 µs
 * send or return negative. A skew the pings can prove (outside the interval) is corrected
 * by the interval's middle; should the bounds not meet (a clock stepped meanwhile), by the
 * fastest ping's midpoint, as NTP's minimum-delay filter does. 0 without samples.
 */
export function offsetFromPings(samples: readonly PingSample[]): number {
  let best: PingSample | undefined;
  let lower = Number.NEGATIVE_INFINITY;
  let upper = Number.POSITIVE_INFINITY;
  for (const sample of samples) {
    lower = Math.max(lower, sample.at - sample.receivedAt);
    upper = Math.min(upper, sample.at - sample.sentAt);
    if (best === undefined || sample.receivedAt - sample.sentAt < best.receivedAt - best.sentAt) best = sample;
  }
  if (best === undefined) return 0;
  if (lower > upper) return best.at - (best.sentAt + best.receivedAt) / 2;
  return lower <= 0 && upper >= 0 ? 0 : (lower + upper) / 2;
}
