/** Small, dependency-free statistics used to aggregate rounds and samples. */

/**
 * Linear-interpolated quantile (type 7, as R and numpy default) of an ascending array.
 * Every percentile a results file holds comes from here, and the loader refuses one outside
 * its samples or out of order (p50 ≤ p99 ≤ max): the result is clamped between the two
 * samples it interpolates, so floating-point rounding can never carry it past the upper one
 * (a figure rounded to four decimals afterwards would turn an ulp over into 0.0001 over).
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower]!;
  const b = sorted[upper]!;
  return Math.min(b, Math.max(a, a + (b - a) * (position - lower)));
}

export const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

export const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

export const median = (values: readonly number[]): number => quantile(ascending(values), 0.5);

export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1));
}

/** Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom; 1.96 beyond. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * 95 % Student-t interval of the mean; a single value gives a zero-width interval (and a
 * warning elsewhere). Rates cannot be negative, so the lower bound stops at zero.
 */
export function confidenceInterval95(values: readonly number[]): [number, number] {
  const m = mean(values);
  if (values.length < 2) return [m, m];
  const t = T_975[values.length - 2] ?? 1.96;
  const half = (t * standardDeviation(values)) / Math.sqrt(values.length);
  return [Math.max(0, m - half), m + half];
}

/** Relative spread (max − min) / median: what "rounds disagree" means in warnings. */
export function relativeSpread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = median(values);
  return m === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / m;
}

/** Keeps at most `limit` values of an ascending array, evenly spaced: quantiles survive. */
export function thinSorted(sorted: readonly number[], limit: number): number[] {
  if (sorted.length <= limit) return [...sorted];
  return Array.from({ length: limit }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (limit - 1))]!);
}
