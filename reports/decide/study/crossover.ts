/**
 * Where a strategy starts to pay: the size from which its tasks/s beats the baseline's.
 * Pure arithmetic on ratio points, so it is tested on synthetic curves with known answers.
 *
 * Ratios are interpolated on log size and log ratio: dispatch and start-up costs are
 * fixed per task while work grows with size, so the ratio moves roughly as a power of the
 * size, and a straight line in log–log space is what the two neighbouring points say.
 */
import type { CrossoverStatus, RatioPoint } from '../../../runners/contract/study.js';
import { formatSize, formatTaskMs } from '../../format/study-format.js';

export interface CrossoverFinding {
  status: CrossoverStatus;
  size: number | null;
  taskMs: number | null;
  range: [number | null, number | null] | null;
  crossings: number[];
}

// A zero lower bound (a wide interval from few rounds) has no logarithm; this keeps it
// far below 1 without turning the interpolation into NaN.
const FLOOR = 1e-12;
const logOf = (value: number): number => Math.log(Math.min(1 / FLOOR, Math.max(FLOOR, value)));

/** Where the segment between two points crosses 1, as a fraction of the way from `a` to `b`. */
function crossingFraction(a: number, b: number): number {
  const la = logOf(a);
  const lb = logOf(b);
  return la === lb ? 0 : -la / (lb - la);
}

const between = (a: number, b: number, t: number): number => Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a)));

/** Every place the curve crosses 1 (strictly above vs at or below), with its direction. */
function crossingsOf(
  points: readonly RatioPoint[],
  value: (p: RatioPoint) => number,
): Array<{ size: number; up: boolean; t: number; index: number }> {
  const found = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const aboveA = value(a) > 1;
    const aboveB = value(b) > 1;
    if (aboveA === aboveB) continue;
    const t = crossingFraction(value(a), value(b));
    found.push({ size: between(a.size, b.size, t), up: aboveB, t, index: i });
  }
  return found;
}

/**
 * The size from which a curve stays above 1: its last upward crossing. Null when it is
 * above 1 everywhere (the crossing lies below the sweep) — and Infinity when it ends at
 * or below 1 (it lies above the sweep, if anywhere).
 */
function staysAboveFrom(points: readonly RatioPoint[], value: (p: RatioPoint) => number): number | null {
  if (value(points.at(-1)!) <= 1) return Number.POSITIVE_INFINITY;
  const last = crossingsOf(points, value)
    .filter((c) => c.up)
    .at(-1);
  return last ? last.size : null;
}

export function locateCrossover(unsorted: readonly RatioPoint[]): CrossoverFinding {
  const points = unsorted.filter((p) => p.size > 0 && Number.isFinite(p.ratio) && p.ratio > 0).sort((a, b) => a.size - b.size);
  if (points.length === 0) return { status: 'no-data', size: null, taskMs: null, range: null, crossings: [] };
  const crossings = crossingsOf(points, (p) => p.ratio);
  const sizes = crossings.map((c) => c.size);
  if (crossings.length === 0) {
    return { status: points[0]!.ratio > 1 ? 'always-faster' : 'never-faster', size: null, taskMs: null, range: null, crossings: [] };
  }
  const only = crossings[0]!;
  if (crossings.length > 1 || !only.up) return { status: 'ambiguous', size: null, taskMs: null, range: null, crossings: sizes };

  const a = points[only.index]!;
  const b = points[only.index + 1]!;
  const taskMs = between(a.baselineTaskMs, b.baselineTaskMs, only.t);
  // The optimistic curve (high) crosses first, the pessimistic one (low) last.
  const early = staysAboveFrom(points, (p) => p.high ?? Number.POSITIVE_INFINITY);
  const late = staysAboveFrom(points, (p) => p.low);
  // A median outside the mean's interval (skewed rounds) can leave one curve on the
  // median's side everywhere; that end of the range is then the median's own crossing.
  const low = early === null ? null : early === Number.POSITIVE_INFINITY ? only.size : Math.min(early, only.size);
  const high = late === Number.POSITIVE_INFINITY ? null : late === null ? only.size : Math.max(late, only.size);
  return { status: 'crossed', size: only.size, taskMs, range: [low, high], crossings: sizes };
}

/**
 * Sizes to add when the answer lies outside the sweep: two more steps of the sweep's own
 * geometric step, below it (always faster) or above it (never faster), within 1…maxSize.
 * For an ambiguous curve, the geometric middles of the intervals where it crossed.
 */
export function suggestSizes(status: CrossoverStatus, swept: readonly number[], crossings: readonly number[], maxSize?: number): number[] {
  const sizes = [...new Set(swept)].sort((a, b) => a - b);
  const first = sizes[0];
  const last = sizes.at(-1);
  if (first === undefined || last === undefined) return [];
  const step = sizes.length > 1 ? Math.max(1.1, (last / first) ** (1 / (sizes.length - 1))) : 2;
  const limit = maxSize ?? Number.MAX_SAFE_INTEGER;
  const out: number[] = [];
  const add = (size: number): void => {
    if (size >= 1 && size <= limit && !sizes.includes(size) && !out.includes(size)) out.push(size);
  };
  if (status === 'never-faster') {
    let size = last;
    for (let i = 0; i < 2; i++) {
      size = Math.min(limit, Math.max(size + 1, Math.ceil(size * step)));
      add(size);
    }
  } else if (status === 'always-faster') {
    let size = first;
    for (let i = 0; i < 2; i++) {
      size = Math.min(size - 1, Math.floor(size / step));
      add(size);
    }
  } else if (status === 'ambiguous') {
    for (const crossing of crossings) {
      const above = sizes.find((s) => s >= crossing);
      const below = [...sizes].reverse().find((s) => s <= crossing);
      if (above !== undefined && below !== undefined && above - below > 1) add(Math.round(Math.sqrt(above * below)));
    }
  }
  return out;
}

/** The sentence the terminal, the HTML report and the answer use for one crossover. */
export function crossoverNote(
  finding: CrossoverFinding,
  points: readonly RatioPoint[],
  suite: string,
  suggested: readonly number[],
  maxSize?: number,
): string {
  const sorted = [...points].sort((a, b) => a.size - b.size);
  const add = suggested.length > 0 ? `: add sizes ${suggested.map(formatSize).join(', ')}` : '';
  switch (finding.status) {
    case 'crossed': {
      const [low, high] = finding.range ?? [null, null];
      const range = `${low === null ? `below ${formatSize(sorted[0]!.size)}` : formatSize(low)}–${high === null ? `above ${formatSize(sorted.at(-1)!.size)}` : formatSize(high)}`;
      return `pays from ${suite} ${formatSize(finding.size!)} (tasks of ~${formatTaskMs(finding.taskMs)} on the baseline); 95 % range ${range}`;
    }
    case 'always-faster':
      return `always faster: from the smallest size swept (${suite} ${formatSize(sorted[0]!.size)}, tasks of ${formatTaskMs(sorted[0]!.baselineTaskMs)})${add}`;
    case 'never-faster': {
      const top = sorted.at(-1)!;
      const capped =
        suggested.length === 0 && maxSize !== undefined && top.size >= maxSize
          ? ` (the suite's maxSize ${formatSize(maxSize)} is reached)`
          : '';
      return `never faster within the sweep (up to ${suite} ${formatSize(top.size)}, tasks of ${formatTaskMs(top.baselineTaskMs)}, ${top.ratio.toFixed(2)}×)${add}${capped}`;
    }
    case 'ambiguous':
      return `ambiguous: the ratio crosses 1 at ${finding.crossings.map(formatSize).join(', ')} (noise or a real reversal); re-run with more rounds${add}`;
    case 'no-data':
      return 'no size at which both this strategy and the baseline completed';
  }
}
