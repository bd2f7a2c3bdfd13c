/** Number formatting shared by the terminal table and the markdown/HTML text. */

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 1 : 0)}µs`;
  if (ms < 100) return `${ms.toFixed(ms < 10 ? 2 : 1)}ms`;
  if (ms < 10_000) return `${ms.toFixed(0)}ms`;
  return `${(ms / 1000).toFixed(1)}s`;
}

export function formatRate(perSec: number): string {
  if (perSec >= 100) return Math.round(perSec).toLocaleString('en-US');
  return perSec.toFixed(perSec >= 10 ? 1 : 2);
}

export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1024 ? `${(mib / 1024).toFixed(2)} GiB` : `${mib.toFixed(0)} MiB`;
}

/**
 * Text for a terminal: every control character but the newline (ESC above all: a suite
 * name or error in someone's results file could retitle the window, clear the screen or
 * hide lines) becomes U+FFFD, one for one, so column widths stay right.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}
