/**
 * `bench study payload` options → a validated plan: one suite (echo by default, or --suite: a
 * user's payload) at each swept size (echo's are bytes: --sizes, default 1 KiB … 64 MiB by ×4;
 * another suite's default is its own sweep), every transport of every strategy that
 * moves a payload through a long-lived worker or child (--strategies and --transport
 * narrow it), one worker each, so every round trip is one task on an idle channel.
 * The run's own options go through resolveRunOptions, the same checks as `bench run`.
 */
import os from 'node:os';
import { BUILTIN_SUITES } from '../../../suites/registry.js';
import { suiteFacts } from '../../../runners/orchestrate/suite-facts.js';
import { defaultStrategiesFor, strategyFacts, transportsOf } from '../../../runners/contract/strategies.js';
import { sizeSweep } from '../../../runners/orchestrate/study/run-study.js';
import type { PayloadSweep } from '../../../reports/decide/study/payload.js';
import { resolveRunOptions, type RawRunOptions } from './run-options.js';
import { formatSizeArg, parseAscendingList } from '../parse/values.js';
import { resolveTransports } from './transport-options.js';
import { UsageError } from '../usage-error.js';

export const PAYLOAD_SUITE = 'echo' satisfies keyof typeof BUILTIN_SUITES;

/** 1 KiB to 64 MiB, ×4: 256 KiB, 16 MiB and 64 MiB are among them. */
export const DEFAULT_PAYLOAD_SIZES = Array.from({ length: 9 }, (_, i) => 1024 * 4 ** i);

/**
 * A payload of S bytes lives several times over while a cell runs (four distinct inputs,
 * the copy a transferring strategy hands over, outputs in flight and verified, the
 * worker's or child's own copies, JSON's strings): past free memory ÷ 8 the machine swaps
 * and the figure measures the disk.
 */
export const MEMORY_FACTOR = 8;

/** Threads or processes that stay up between tasks, so a round trip holds no spawn: the study's defaults. */
const longLived = (strategy: string): boolean => {
  const facts = strategyFacts(strategy);
  return facts !== undefined && facts.kind !== 'main' && !facts.perTask;
};

export interface PayloadPlan {
  suites: ReturnType<typeof sizeSweep>;
  config: Awaited<ReturnType<typeof resolveRunOptions>>['config'];
  sweep: PayloadSweep;
  notes: string[];
}

export interface RawPayloadOptions extends Omit<RawRunOptions, 'suite' | 'size' | 'workers'> {
  sizes?: string;
  /** Absent: echo, whose sizes are bytes. */
  suite?: string;
}

function checkMemory(sizes: readonly number[], freeBytes: number): void {
  const limit = Math.floor(freeBytes / MEMORY_FACTOR);
  const over = sizes.find((size) => size > limit);
  if (over === undefined) return;
  const fits = sizes.filter((size) => size <= limit).map(formatSizeArg);
  throw new UsageError(
    `--sizes: ${formatSizeArg(over)} is above free memory ÷ ${MEMORY_FACTOR} (${Math.round(freeBytes / 2 ** 20)} MiB free, so at most ${formatSizeArg(limit)}): ${fits.length >= 2 ? `e.g. --sizes ${fits.join(',')}` : 'choose smaller sizes or free memory'}`,
  );
}

export async function resolvePayloadOptions(raw: RawPayloadOptions, freeBytes = os.freemem()): Promise<PayloadPlan> {
  const notes: string[] = [];
  // The defaults: every long-lived strategy of the harness's own, each with all its transports.
  const defaults = defaultStrategiesFor('run').filter(longLived);
  const { suites, config } = await resolveRunOptions({
    ...raw,
    suite: raw.suite ?? PAYLOAD_SUITE,
    size: undefined,
    workers: 1,
    strategies: raw.strategies ?? defaults.join(','),
    transport: undefined,
  });
  if (suites.length !== 1) throw new UsageError(`--suite: a payload study sweeps one suite, not ${suites.length}; name one`);
  const { name, url } = suites[0]!;
  const suite = await suiteFacts(url);
  const sizes =
    name === PAYLOAD_SUITE && url === BUILTIN_SUITES[PAYLOAD_SUITE] ? echoSizes(raw, suite, freeBytes, notes) : suiteSizes(raw, suite);

  const every = [...new Set(config.strategies.flatMap((s) => transportsOf(s)))].filter((name) => name !== 'none');
  if (every.length === 0)
    throw new UsageError('--strategies: none of them moves a payload; add worker-pool, shared-memory or process-pool');
  const { strategies, transports } = resolveTransports(raw.strategies, config.strategies, raw.transport ?? every.join(','));
  return {
    suites: sizeSweep({ name, url }, sizes),
    config: { ...config, strategies, transports: transports ?? every, sizes: { [name]: sizes.at(-1)! } },
    sweep: { kind: 'payload', sizes },
    notes,
  };
}

type Facts = Awaited<ReturnType<typeof suiteFacts>>;

/** The echo suite's sizes are bytes: the default ladder, both kept within free memory. */
function echoSizes(raw: RawPayloadOptions, suite: Facts, freeBytes: number, notes: string[]): number[] {
  const maxSize = suite.maxSize ?? Number.MAX_SAFE_INTEGER;
  if (raw.sizes === undefined) {
    const limit = Math.min(maxSize, Math.floor(freeBytes / MEMORY_FACTOR));
    const sizes = DEFAULT_PAYLOAD_SIZES.filter((size) => size <= limit);
    const dropped = DEFAULT_PAYLOAD_SIZES.filter((size) => size > limit);
    if (dropped.length > 0) notes.push(`sizes ${dropped.map(formatSizeArg).join(', ')} left out: above free memory ÷ ${MEMORY_FACTOR}`);
    if (sizes.length < 2) checkMemory(DEFAULT_PAYLOAD_SIZES.slice(0, 2), freeBytes);
    return sizes;
  }
  const sizes = parseAscendingList('sizes', raw.sizes, 1, Number.MAX_SAFE_INTEGER, '1k,64k,1m,16m');
  checkMemory(sizes, freeBytes);
  const over = sizes.find((size) => size > maxSize);
  if (over !== undefined)
    throw new UsageError(`--sizes: ${formatSizeArg(over)} is above ${PAYLOAD_SUITE}'s maxSize ${formatSizeArg(maxSize)}`);
  return sizes;
}

/**
 * A user's suite: its size knob is its own (records, rows, nodes), so its own sweep by
 * default; whether the payload grows with it is measured (payloadGrowthNote) and said.
 */
function suiteSizes(raw: RawPayloadOptions, suite: Facts): number[] {
  const maxSize = suite.maxSize ?? Number.MAX_SAFE_INTEGER;
  const sizes = raw.sizes === undefined ? [...suite.sizes] : parseAscendingList('sizes', raw.sizes, 1, maxSize, suite.sizes.join(','));
  if (sizes.length < 2)
    throw new UsageError(
      `--sizes: a payload study needs at least two sizes of ${suite.name} (its sizes: ${suite.sizes.join(', ')}); e.g. --sizes 100,10k`,
    );
  return sizes;
}
