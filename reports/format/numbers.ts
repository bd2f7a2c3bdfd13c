/**
 * Number formatting shared by the terminal table and the markdown/HTML text. Durations and
 * rates are runners/common/format-duration.ts and format-rate.ts, shared with the warnings.
 */

export { formatRate } from '../../runners/common/format-rate.js';

export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1024 ? `${(mib / 1024).toFixed(2)} GiB` : `${mib.toFixed(0)} MiB`;
}

export { terminalSafe } from '../../runners/common/terminal-safe.js';

/** A relative change as a signed percentage with one decimal: +4.2 %, −0.8 %, ±0.0 %. */
export function formatChange(change: number): string {
  if (!Number.isFinite(change)) return '—';
  const rounded = Math.round(change * 1000) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(1)} %`;
}
