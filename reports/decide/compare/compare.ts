/**
 * Baseline vs current: pairs cells by (scenario, suite, size, strategy, runtime, workers)
 * and gives each a verdict. Pure: it reads two loaded results and returns the comparison;
 * rendering, exit codes and re-runs live elsewhere.
 *
 * Verdicts: `regressed` / `improved` / `unchanged` (see compare-metric.ts for when a change
 * counts), `new` (only in current), `missing` (only in the baseline), `incomparable`
 * (measured on different fingerprints without --normalize, or not comparable at all) and
 * `inconclusive` (too few rounds, too noisy, or a side that did not complete). A cell that
 * completed in the baseline and errored in the new run is `regressed`.
 */
import { cellId, cellKeyOf } from '../../../runners/contract/cell-id.js';
import type { CellKey, CellResult, CompletedCell, RunResult } from '../../../runners/contract/results.js';
import { contextIdOf, contextOf } from '../../cell-context.js';
import { compareMetric, type CompareSettings, type MetricComparison, type MetricSpec } from './compare-metric.js';
import { fingerprintDifference, fingerprintId, fingerprintOf } from './fingerprint.js';
import { normalizedFigures, roundFigures, tooFewSamples, type RoundFigures } from './round-figures.js';
import { BASELINE_STRATEGY } from '../../../runners/contract/strategies.js';

export type Verdict = 'regressed' | 'improved' | 'unchanged' | 'new' | 'missing' | 'incomparable' | 'inconclusive';
export const VERDICTS: readonly Verdict[] = ['regressed', 'improved', 'unchanged', 'new', 'missing', 'incomparable', 'inconclusive'];

export interface CompareOptions extends CompareSettings {
  /** Compare speedups over main-thread within each run instead of absolute figures. */
  normalize: boolean;
}

/** The cell's key (what pairs it across runs) and its verdict. */
export interface CellComparison extends CellKey {
  verdict: Verdict;
  reason?: string;
  metrics: MetricComparison[];
  /** Set by --auto-rerun on cells first found regressed: what the fresh rounds said. */
  rerun?: RerunOutcome;
}

export interface RerunOutcome {
  /** Fresh-process rounds of the cell in the re-run. */
  rounds: number;
  /** The results file the re-run wrote. */
  file: string;
  /** true: the re-run is regressed too, and the cell's verdict stands; false: the verdict is the re-run's. */
  confirmed: boolean;
  /** The verdict before the re-run (always `regressed`) and the first run's figures. */
  firstVerdict: Verdict;
  firstMetrics: MetricComparison[];
}

export interface RunReference {
  file: string;
  runId: string;
  commit: string | null;
  /** The fingerprint ids of the contexts its cells were measured in. */
  fingerprints: string[];
}

export interface Comparison {
  options: CompareOptions;
  baseline: RunReference;
  current: RunReference;
  cells: CellComparison[];
}

export interface LoadedRun {
  file: string;
  run: RunResult;
}

/** --normalize divides by the main-thread cell of the same run, as the speedup column does. */
const REFERENCE_STRATEGY = BASELINE_STRATEGY;

/**
 * Throughput and p99, plus the median latency: the per-task cost, which stays
 * readable on a contended runner when throughput does not (see round-figures.ts).
 */
const ABSOLUTE = {
  throughput: { name: 'throughput', unit: 'tasks/s', better: 'higher' },
  p50: { name: 'p50', unit: 'ms', better: 'lower' },
  p99: { name: 'p99', unit: 'ms', better: 'lower' },
} as const satisfies Record<Exclude<keyof RoundFigures, 'fewestLatencySamples'>, MetricSpec>;
const NORMALIZED = {
  throughput: { name: 'speedup', unit: '×', better: 'higher' },
  p50: { name: 'p50 ratio', unit: '×', better: 'lower' },
  p99: { name: 'p99 ratio', unit: '×', better: 'lower' },
} as const satisfies Record<Exclude<keyof RoundFigures, 'fewestLatencySamples'>, MetricSpec>;

/** A cell's identity, without its figures. */
const identityOf = (cell: CellResult): CellKey => cellKeyOf(cell);

const isBatchCompleted = (cell: CellResult | undefined): cell is CompletedCell => cell?.status === 'completed' && cell.scenario === 'batch';

const fingerprintOfCell = (run: RunResult, cell: CellResult): string => fingerprintId(fingerprintOf(contextOf(run, cell), cell.runtime));

function reference(loaded: LoadedRun): RunReference {
  const { run, file } = loaded;
  const ids = new Set(run.cells.map((cell) => fingerprintOfCell(run, cell)));
  if (ids.size === 0) ids.add(fingerprintId(fingerprintOf(run.context)));
  return { file, runId: run.runId, commit: run.context.commit, fingerprints: [...ids] };
}

/** Why a cell that exists on both sides cannot be measured against the other; undefined when it can. */
function notCompleted(side: 'baseline' | 'new run', cell: CellResult): string | undefined {
  if (cell.status === 'errored') return `errored in the ${side}: ${cell.error.message}`;
  if (cell.status === 'skipped') return `skipped in the ${side}: ${cell.reason}`;
  if (!isBatchCompleted(cell)) return `a ${cell.scenario} cell in the ${side}: it has no per-round figures to test`;
  return undefined;
}

/** main-thread of the same suite, size and runtime, measured in the same context. */
function referenceCell(run: RunResult, cell: CompletedCell): CompletedCell | undefined {
  return run.cells
    .filter(isBatchCompleted)
    .find(
      (other) =>
        other.strategy === REFERENCE_STRATEGY &&
        other.suite === cell.suite &&
        other.size === cell.size &&
        other.runtime === cell.runtime &&
        contextIdOf(other) === contextIdOf(cell),
    );
}

function figuresFor(run: RunResult, cell: CompletedCell, normalize: boolean, side: string): RoundFigures | string {
  if (!normalize) return roundFigures(cell);
  const ref = referenceCell(run, cell);
  if (!ref) return `no completed ${REFERENCE_STRATEGY} cell in the ${side} to normalize by`;
  return normalizedFigures(cell, ref) ?? `no round of the ${side} shares its round number with ${REFERENCE_STRATEGY}`;
}

/** Worst first: one regressed metric makes a regressed cell; an unsure metric beats a good one. */
function combine(metrics: MetricComparison[]): Pick<CellComparison, 'verdict' | 'reason'> {
  const reasons = metrics.flatMap((m) => (m.reason ? [`${m.name}: ${m.reason}`] : []));
  const reason = reasons.length > 0 ? { reason: reasons.join('; ') } : {};
  for (const verdict of ['regressed', 'inconclusive', 'improved'] as const) {
    if (metrics.some((m) => m.verdict === verdict)) return { verdict, ...reason };
  }
  return { verdict: 'unchanged', ...reason };
}

function compareCell(baseline: LoadedRun, old: CellResult, current: LoadedRun, now: CellResult, options: CompareOptions): CellComparison {
  const identity = identityOf(now);
  const judged = (verdict: Verdict, reason: string): CellComparison => ({ ...identity, verdict, reason, metrics: [] });

  const difference = fingerprintDifference(
    fingerprintOf(contextOf(baseline.run, old), old.runtime),
    fingerprintOf(contextOf(current.run, now), now.runtime),
  );
  if (difference !== undefined && !options.normalize) {
    return judged(
      'incomparable',
      `measured on different fingerprints (${difference}); --normalize compares speedups over ${REFERENCE_STRATEGY} instead`,
    );
  }
  // A strategy that worked in the baseline and now crashes, hangs or answers wrong is the
  // plainest regression there is: it fails the job like a slowdown (a re-run may clear a fluke).
  if (isBatchCompleted(old) && now.status === 'errored') {
    return judged('regressed', `completed in the baseline, errored in the new run: ${now.error.message}`);
  }
  const unusable = notCompleted('baseline', old) ?? notCompleted('new run', now);
  if (unusable !== undefined) return judged(unusable.startsWith('a ') ? 'incomparable' : 'inconclusive', unusable);
  if (!isBatchCompleted(old) || !isBatchCompleted(now)) return judged('incomparable', 'not a batch cell');
  if (options.normalize && now.strategy === REFERENCE_STRATEGY) {
    return judged('incomparable', `the --normalize reference: its speedup is 1 by definition`);
  }
  const before = figuresFor(baseline.run, old, options.normalize, 'baseline');
  const after = figuresFor(current.run, now, options.normalize, 'new run');
  if (typeof before === 'string' || typeof after === 'string')
    return judged('incomparable', typeof before === 'string' ? before : (after as string));

  const specs = options.normalize ? NORMALIZED : ABSOLUTE;
  const fewest = Math.min(before.fewestLatencySamples, after.fewestLatencySamples);
  const metrics = [
    compareMetric(specs.throughput, before.throughput, after.throughput, options),
    compareMetric(specs.p50, before.p50, after.p50, options, tooFewSamples('p50', 0.5, fewest)),
    compareMetric(specs.p99, before.p99, after.p99, options, tooFewSamples('p99', 0.99, fewest)),
  ];
  return { ...identity, ...combine(metrics), metrics };
}

/**
 * Pairs cells in two passes: first same key AND same fingerprint (merged files may hold
 * one key per machine), then what is left by key alone (different machines: those pairs
 * become incomparable, or normalized). Unpaired cells are `missing` or `new`.
 */
export function compareRuns(baseline: LoadedRun, current: LoadedRun, options: CompareOptions): Comparison {
  const unpairedNew = [...current.run.cells];
  const pairs = new Map<CellResult, CellResult>();
  const takeNew = (matches: (cell: CellResult) => boolean): CellResult | undefined => {
    const index = unpairedNew.findIndex(matches);
    return index < 0 ? undefined : unpairedNew.splice(index, 1)[0];
  };
  for (const strict of [true, false]) {
    for (const old of baseline.run.cells) {
      if (pairs.has(old)) continue;
      const fingerprint = fingerprintOfCell(baseline.run, old);
      const found = takeNew((cell) => cellId(cell) === cellId(old) && (!strict || fingerprintOfCell(current.run, cell) === fingerprint));
      if (found) pairs.set(old, found);
    }
  }
  const cells: CellComparison[] = baseline.run.cells.map((old) => {
    const now = pairs.get(old);
    if (now) return compareCell(baseline, old, current, now, options);
    return { ...identityOf(old), verdict: 'missing', reason: 'in the baseline only', metrics: [] };
  });
  for (const now of unpairedNew) {
    cells.push({ ...identityOf(now), verdict: 'new', reason: 'in the new run only', metrics: [] });
  }
  return { options, baseline: reference(baseline), current: reference(current), cells };
}

export function countVerdicts(cells: readonly CellComparison[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const cell of cells) counts[cell.verdict]++;
  return counts;
}

/** 1 for any regression (and, with --strict, any inconclusive cell), else 0. Bad input exits 2 before this. */
export function exitCodeOf(cells: readonly CellComparison[], strict: boolean): 0 | 1 {
  const counts = countVerdicts(cells);
  return counts.regressed > 0 || (strict && counts.inconclusive > 0) ? 1 : 0;
}
