/** How study figures read in sentences, tables and chart labels: few digits, never false precision. */

/** A size: whole sizes as they are (grouped), interpolated ones to three significant digits. */
export function formatSize(size: number): string {
  if (!Number.isFinite(size)) return '—';
  const shown = Number.isInteger(size) ? size : Number(size.toPrecision(3));
  return shown.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** A task time in ms, to two significant digits: 0.09 ms, 1.1 ms, 160 ms. */
export function formatTaskMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms >= 100) return `${Math.round(ms).toLocaleString('en-US')} ms`;
  return `${Number(ms.toPrecision(2))} ms`;
}

/** A ratio to two decimals; a small one to two significant digits, so 0.004× does not read as 0.00×. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return `${ratio >= 0.1 || ratio === 0 ? ratio.toFixed(2) : Number(ratio.toPrecision(2))}×`;
}

export const formatFraction = (value: number | null, digits = 2): string =>
  value === null || !Number.isFinite(value) ? '—' : value.toFixed(digits);

/** σ and κ span orders of magnitude: two significant digits, small ones in exponent form. */
export function formatCoefficient(value: number): string {
  if (value === 0) return '0';
  return Math.abs(value) < 0.001 ? value.toExponential(1) : String(Number(value.toPrecision(2)));
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
