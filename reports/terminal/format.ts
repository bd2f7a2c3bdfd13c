/**
 * Number formatting shared by the terminal table and the markdown/HTML text. Durations
 * are runners/common/format-duration.ts, shared with the progress lines and warnings.
 */

export function formatRate(perSec: number): string {
  if (perSec >= 100) return Math.round(perSec).toLocaleString('en-US');
  return perSec.toFixed(perSec >= 10 ? 1 : 2);
}

export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1024 ? `${(mib / 1024).toFixed(2)} GiB` : `${mib.toFixed(0)} MiB`;
}

export { terminalSafe } from '../../runners/common/terminal-safe.js';
