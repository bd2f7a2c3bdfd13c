/**
 * `bench run` options → a validated plan. Every check names the flag and the fix.
 */
import os from 'node:os';
import { BUILTIN_SUITE_NAMES, loadSuite, resolveSuiteUrl } from '../suites/registry.js';
import type { PlannedSuite } from '../runners/orchestrate/plan.js';
import type { RunConfig } from '../runners/contract/results.js';
import { STRATEGY_NAMES } from '../runners/strategies/index.js';
import { UsageError } from './usage-error.js';

export interface RawRunOptions {
  suite: string;
  size?: number;
  strategies?: string;
  workers?: number;
  rounds?: number;
  quick: boolean;
  phaseTime?: number;
  cellTimeout: number;
  seed: number;
  workerNice: number;
}

export const QUICK = { rounds: 2, phaseMs: 250 } as const;
export const DEFAULTS = { rounds: 3, phaseMs: 1000 } as const;
export const DEFAULT_WORKER_NICE = 0;

export function integerIn(flag: string, value: number | undefined, min: number, max: number, what: string): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be ${what} from ${min} to ${max}, got ${Number.isNaN(value) ? 'a non-number' : value}`);
  }
}

const listOf = (text: string): string[] => text.split(',').map((item) => item.trim()).filter(Boolean);

/** `known`: the strategies the command offers (bench http has its own list). */
export function parseStrategies(text: string | undefined, known: readonly string[] = STRATEGY_NAMES): string[] {
  if (text === undefined) return [...known];
  const names = listOf(text);
  if (names.length === 0) throw new UsageError(`--strategies is empty: give a comma-separated list of ${known.join(', ')}`);
  const unknown = names.find((name) => !known.includes(name));
  if (unknown) throw new UsageError(`unknown strategy "${unknown}" in --strategies: choose from ${known.join(', ')}`);
  return [...new Set(names)];
}

export async function resolveRunOptions(raw: RawRunOptions): Promise<{ suites: PlannedSuite[]; config: Omit<RunConfig, 'sizes'> & { sizes: Record<string, number> } }> {
  integerIn('workers', raw.workers, 1, 256, 'a whole number');
  integerIn('rounds', raw.rounds, 1, 100, 'a whole number');
  integerIn('phase-time', raw.phaseTime, 10, 600_000, 'a number of milliseconds');
  integerIn('seed', raw.seed, 0, 2 ** 31 - 1, 'a whole number');
  integerIn('worker-nice', raw.workerNice, 0, 19, 'a nice increment');
  if (!(raw.cellTimeout > 0 && raw.cellTimeout <= 86_400)) {
    throw new UsageError(`--cell-timeout must be a number of seconds above 0, got ${raw.cellTimeout}`);
  }
  const strategies = parseStrategies(raw.strategies);

  const specs = listOf(raw.suite).flatMap((spec) => (spec === 'all' ? BUILTIN_SUITE_NAMES : [spec]));
  if (specs.length === 0) throw new UsageError(`--suite is empty: choose ${[...BUILTIN_SUITE_NAMES, 'all'].join(', ')} or a path to a suite file`);
  if (raw.size !== undefined && specs.length > 1) {
    throw new UsageError('--size applies to a single suite: run the suites one at a time to set their sizes');
  }
  const suites: PlannedSuite[] = [];
  for (const spec of [...new Set(specs)]) {
    const url = resolveSuiteUrl(spec);
    const suite = await loadSuite(url);
    const size = raw.size ?? suite.defaultSize;
    integerIn('size', size, 1, suite.maxSize ?? Number.MAX_SAFE_INTEGER, `a whole number for suite ${suite.name}`);
    if (suites.some((s) => s.name === suite.name)) throw new UsageError(`two suites are named "${suite.name}": rename one`);
    suites.push({ name: suite.name, url, size });
  }

  const rounds = raw.rounds ?? (raw.quick ? QUICK.rounds : DEFAULTS.rounds);
  const phaseMs = raw.phaseTime ?? (raw.quick ? QUICK.phaseMs : DEFAULTS.phaseMs);
  return {
    suites,
    config: {
      suites: suites.map((s) => s.name),
      sizes: Object.fromEntries(suites.map((s) => [s.name, s.size])),
      strategies,
      workers: raw.workers ?? os.availableParallelism(),
      workerNice: raw.workerNice,
      rounds,
      quick: raw.quick,
      phaseMs,
      cellTimeoutMs: raw.cellTimeout * 1000,
      seed: raw.seed,
    },
  };
}
