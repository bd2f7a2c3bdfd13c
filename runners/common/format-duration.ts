/**
 * Durations as text, for the terminal tables, the progress lines and the warnings. A
 * missing or non-finite figure (a cell that never measured it) reads as a dash.
 */

export interface DurationStyle {
  /** Between the number and its unit: '' in table columns ("12.3ms"), ' ' in sentences ("12.3 ms"). */
  gap?: '' | ' ';
  /** Fixed decimals. Left out, fewer as the number grows, so a table column stays about three digits wide. */
  decimals?: number;
  /**
   * 'auto': µs, ms or s, whichever suits the size (the default) · 'ms': µs below 1 ms, else
   * ms however large (a task's time in a warning) · 's': seconds · 'min': whole seconds,
   * as minutes and seconds from a minute up (an ETA: "1m05s").
   */
  units?: 'auto' | 'ms' | 's' | 'min';
}

const MISSING = '—';
/** From here 'auto' switches to seconds: "12.3s" is easier to read than "12345ms". */
const SECONDS_FROM_MS = 10_000;

export function formatDuration(ms: number | null | undefined, { gap = '', decimals, units = 'auto' }: DurationStyle = {}): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return MISSING;
  const show = (value: number, unit: string, adaptive: number): string => `${value.toFixed(decimals ?? adaptive)}${gap}${unit}`;
  if (units === 'min') {
    const seconds = Math.round(ms / 1000);
    return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
  }
  if (units === 's') return show(ms / 1000, 's', 1);
  if (ms < 1) return show(ms * 1000, 'µs', ms < 0.01 ? 1 : 0);
  if (units === 'ms' || ms < SECONDS_FROM_MS) return show(ms, 'ms', ms < 10 ? 2 : ms < 100 ? 1 : 0);
  return show(ms / 1000, 's', 1);
}
