/**
 * `bench run` options → a validated plan. Every check names the flag and the fix.
 */
import os from 'node:os';
import { BUILTIN_SUITE_NAMES, resolveSuiteUrl } from '../../../suites/registry.js';
import { allSuiteFacts } from '../../../runners/orchestrate/suite-facts.js';
import type { PlannedSuite } from '../../../runners/orchestrate/plan.js';
import type { RunConfig } from '../../../runners/contract/results.js';
import { RUN_STRATEGY_NAMES, defaultStrategiesFor, peerPackageOf } from '../../../runners/contract/strategies.js';
import { unsupportedReason } from '../../../runners/contract/capabilities.js';
import type { RuntimeTarget } from '../../../runners/orchestrate/run.js';
import { UsageError } from '../usage-error.js';
import { integerIn, listOf, parseDuration, parseShare, sizeValue } from '../parse/values.js';
import { DEFAULT_DISTURBED_ABOVE } from '../../../reports/decide/paired/disturbed.js';
import { suiteSpecs } from '../parse/suite-specs.js';
import { resolveTransports } from './transport-options.js';

export interface RawRunOptions {
  /** Absent: DEFAULT_SUITE. */
  suite?: string;
  /** A number, or text with a k/m/g suffix (parse/values.ts). */
  size?: number | string;
  strategies?: string;
  /** --transport: comma-separated transports (transport-options.ts); absent: each strategy's default. */
  transport?: string;
  workers?: number;
  rounds?: number;
  quick: boolean;
  phaseTime?: number;
  /** Absent: DEFAULT_CELL_TIMEOUT_S. */
  cellTimeout?: number;
  seed: number;
  /** Absent: DEFAULT_WORKER_NICE. */
  workerNice?: number;
  inFlightPerWorker?: number;
  maxHeap?: number;
  /** --phases: split each task's latency into phases; absent or false: no phase timing at all. */
  phases?: boolean;
  /** --disturbed-above, a percentage; absent: DEFAULT_DISTURBED_ABOVE where the command redoes rounds. */
  disturbedAbove?: string;
  /** The command redoes disturbed rounds (run, the studies; not ab, whose pairs answer noise their own way). */
  redoesDisturbed?: boolean;
}

export const QUICK = { rounds: 2, phaseMs: 250 } as const;
/**
 * Six blocks: the fewest whose paired interval exists at 95 % (reports/decide/paired); 400 ms
 * phases keep the default fib run within 20 % of the three 1-second rounds it replaced
 * (46.8 s before on the 2-core machine).
 */
export const DEFAULTS = { rounds: 6, phaseMs: 400 } as const;
/** bench run adds blocks until its answers are settled, up to this many or this long (unless --quick). */
export const SEQUENTIAL_DEFAULTS = { maxRounds: 30, maxTimeMs: 180_000 } as const;
export const DEFAULT_WORKER_NICE = 0;
/** Where run, study, ab and http write their results files without --out. */
export const DEFAULT_OUT_DIR = 'results';
export const DEFAULT_SUITE = 'fib';
export const DEFAULT_CELL_TIMEOUT_S = 120;

/**
 * --max-heap's default: the cell and its workers or children share the machine's memory, so
 * each may take half of an equal share, between 256 MiB and V8's usual 4 GiB. A suite that
 * allocates without bound then ends its own worker or child long before the machine swaps.
 */
export function defaultHeapMb(workers: number, totalBytes = os.totalmem()): number {
  return Math.min(4096, Math.max(256, Math.floor(totalBytes / 2 ** 20 / (2 * (workers + 1)))));
}

/** `known`: the strategies the command offers (the registry's, for its scenario); `defaults`: those it runs unasked. */
export function parseStrategies<Name extends string>(
  text: string | undefined,
  known: readonly Name[],
  defaults: readonly Name[] = known,
): Name[] {
  if (text === undefined) return [...defaults];
  const isKnown = (name: string): name is Name => (known as readonly string[]).includes(name);
  const names = listOf(text);
  if (names.length === 0) throw new UsageError(`--strategies is empty: give a comma-separated list of ${known.join(', ')}`);
  const unknown = names.find((name) => !isKnown(name));
  if (unknown) throw new UsageError(`unknown strategy "${unknown}" in --strategies: choose from ${known.join(', ')}`);
  return [...new Set(names.filter(isKnown))];
}

/** --workers, or one per core the process may use: what every strategy but the baseline gets. */
export function requestedWorkers(flag: number | undefined): number {
  return flag ?? os.availableParallelism();
}

export async function resolveRunOptions(raw: RawRunOptions): Promise<{
  suites: PlannedSuite[];
  config: Omit<RunConfig, 'sizes' | 'runtimes'> & { sizes: Record<string, number>; inFlightPerWorker?: number; maxHeapMb: number };
}> {
  integerIn('workers', raw.workers, 1, 256, 'a whole number');
  integerIn('rounds', raw.rounds, 1, 100, 'a whole number');
  integerIn('phase-time', raw.phaseTime, 10, 600_000, 'a number of milliseconds');
  integerIn('seed', raw.seed, 0, 2 ** 31 - 1, 'a whole number');
  integerIn('worker-nice', raw.workerNice, 0, 19, 'a nice increment');
  const cellTimeout = raw.cellTimeout ?? DEFAULT_CELL_TIMEOUT_S;
  if (!(cellTimeout > 0 && cellTimeout <= 86_400)) {
    throw new UsageError(`--cell-timeout must be a number of seconds above 0, got ${cellTimeout}`);
  }
  integerIn('in-flight-per-worker', raw.inFlightPerWorker, 1, 1024, 'a whole number');
  integerIn('max-heap', raw.maxHeap, 16, 1_048_576, 'a number of MiB');
  const { strategies, transports } = resolveTransports(
    raw.strategies,
    parseStrategies(raw.strategies, RUN_STRATEGY_NAMES, defaultStrategiesFor('run')),
    raw.transport,
  );

  const specs = suiteSpecs(raw.suite ?? DEFAULT_SUITE).flatMap((spec) => (spec === 'all' ? BUILTIN_SUITE_NAMES : [spec]));
  if (specs.length === 0)
    throw new UsageError(`--suite is empty: choose ${[...BUILTIN_SUITE_NAMES, 'all'].join(', ')} or a path to a suite file`);
  if (raw.size !== undefined && specs.length > 1) {
    throw new UsageError('--size applies to a single suite: run the suites one at a time to set their sizes');
  }
  const urls = [...new Set(specs)].map((spec) => resolveSuiteUrl(spec));
  // Each suite loads in a probe process of its own (suite-facts.ts): never in this one; under --max-heap when given.
  const facts = await allSuiteFacts(urls, { timeoutMs: cellTimeout * 1000, ...(raw.maxHeap === undefined ? {} : { heapMb: raw.maxHeap }) });
  const suites: PlannedSuite[] = [];
  for (const [index, url] of urls.entries()) {
    const suite = facts[index]!;
    const size = raw.size === undefined ? suite.defaultSize : sizeValue(raw.size);
    integerIn('size', size, 1, suite.maxSize ?? Number.MAX_SAFE_INTEGER, `a whole number for suite ${suite.name}`);
    if (suites.some((s) => s.name === suite.name)) throw new UsageError(`two suites are named "${suite.name}": rename one`);
    suites.push({ name: suite.name, url, size });
  }

  const rounds = raw.rounds ?? (raw.quick ? QUICK.rounds : DEFAULTS.rounds);
  const phaseMs = raw.phaseTime ?? (raw.quick ? QUICK.phaseMs : DEFAULTS.phaseMs);
  return {
    suites,
    config: {
      scenario: 'batch',
      suites: suites.map((s) => s.name),
      sizes: Object.fromEntries(suites.map((s) => [s.name, s.size])),
      strategies,
      workers: requestedWorkers(raw.workers),
      workerNice: raw.workerNice ?? DEFAULT_WORKER_NICE,
      rounds,
      quick: raw.quick,
      phaseMs,
      cellTimeoutMs: cellTimeout * 1000,
      seed: raw.seed,
      ...(raw.inFlightPerWorker === undefined ? {} : { inFlightPerWorker: raw.inFlightPerWorker }),
      maxHeapMb: raw.maxHeap ?? defaultHeapMb(requestedWorkers(raw.workers)),
      ...(transports === undefined ? {} : { transports }),
      // Absent, not false, without --phases: a results file without phase timing is unchanged.
      ...(raw.phases ? { phases: true } : {}),
      ...(raw.redoesDisturbed
        ? { disturbedAbove: raw.disturbedAbove === undefined ? DEFAULT_DISTURBED_ABOVE : parseShare('disturbed-above', raw.disturbedAbove) }
        : {}),
    },
  };
}

/**
 * The sequential limits (SEQUENTIAL_DEFAULTS), or undefined for a fixed count of rounds: under
 * --quick (a fast pass), with --rounds given without --max-time (exactly the rounds asked for),
 * and without --max-time where the command samples until settled only when asked (`byDefault`
 * false: the studies, already long).
 */
export function sequentialLimits(
  raw: { quick: boolean; rounds?: number; maxRounds?: number; maxTime?: string },
  rounds: number,
  byDefault = true,
): { maxRounds: number; maxTimeMs: number } | undefined {
  integerIn('max-rounds', raw.maxRounds, 1, 1000, 'a whole number of blocks');
  const maxTimeMs = raw.maxTime === undefined ? SEQUENTIAL_DEFAULTS.maxTimeMs : parseDuration('max-time', raw.maxTime);
  if (!(maxTimeMs >= 1000 && maxTimeMs <= 7 * 86_400_000))
    throw new UsageError(`--max-time must be from 1s to 7 days, got "${raw.maxTime}"`);
  if (raw.maxTime === undefined && (raw.quick || raw.rounds !== undefined || !byDefault)) return undefined;
  const maxRounds = raw.maxRounds ?? SEQUENTIAL_DEFAULTS.maxRounds;
  return maxRounds > rounds ? { maxRounds, maxTimeMs } : undefined;
}

/**
 * A peer pool asked for on the only runtime of the run, where its library does not work
 * (the probe tried it), is a usage error; among several runtimes its cells are skipped instead.
 */
export function checkPeersRun(strategies: readonly string[], runtimes: readonly RuntimeTarget[]): void {
  if (runtimes.length !== 1 || !runtimes[0] || !('probe' in runtimes[0])) return;
  const { probe } = runtimes[0];
  for (const strategy of strategies) {
    const reason = peerPackageOf(strategy) === undefined ? undefined : unsupportedReason(probe, strategy);
    if (reason !== undefined) throw new UsageError(`--strategies ${strategy}: ${reason}; drop it, or run it on another --runtime`);
  }
}
