/**
 * `bench http` options → a validated plan. Every check names the flag and the fix;
 * a mistake is a UsageError (one line, exit 2). The runtimes, --transport and --phases mean
 * what they mean under `bench run`, through the same resolvers.
 */
import { HTTP_STRATEGY_NAMES, type HttpStrategyName } from '../../../runners/contract/http-protocol.js';
import type { HttpLoadConfig, RunConfig } from '../../../runners/contract/results.js';
import { resolveSuiteUrl } from '../../../suites/registry.js';
import { suiteFacts } from '../../../runners/orchestrate/suite-facts.js';
import type { RuntimeTarget } from '../../../runners/orchestrate/plan.js';
import { unsupportedReason } from '../../../runners/contract/capabilities.js';
import { DEFAULT_CELL_TIMEOUT_S, DEFAULT_SUITE, defaultHeapMb, parseStrategies, requestedWorkers } from './run-options.js';
import { parseRuntimes, resolveRuntimes, type RawRuntimeOptions } from './runtime-options.js';
import { resolveTransports } from './transport-options.js';
import { MAX_WORKERS } from './study-options.js';
import { integerIn, parseAscendingList, secondsIn, sizeValue } from '../parse/values.js';
import { suiteSpecs } from '../parse/suite-specs.js';
import { UsageError } from '../usage-error.js';
import { defaultStrategiesFor, transportsToRun } from '../../../runners/contract/strategies.js';

export interface RawHttpOptions extends RawRuntimeOptions {
  /** Absent: DEFAULT_SUITE. */
  suite?: string;
  /** A number, or text with a k/m/g suffix (parse/values.ts). */
  size?: number | string;
  strategies?: string;
  /** --transport: comma-separated transports (transport-options.ts); absent: each strategy's default. */
  transport?: string;
  workers?: number;
  /** --workers-list: the strategies that use workers run at each count (the article's experiment in one command). */
  workersList?: string;
  /** --phases: each request's task split into phases, and the server's parse and respond time. */
  phases?: boolean;
  /** Absent: HTTP_DEFAULTS.workerNice. */
  workerNice?: number;
  connections: number;
  duration: number;
  amount?: number;
  pipelining: number;
  warmup: number;
  healthProbe: boolean;
  healthInterval: number;
  maxQueue: number;
  maxRequestSize?: number;
  maxHeap?: number;
  timeout: number;
  cellTimeout?: number;
}

/** bench http's own defaults (the others are the flags' own, flags.ts). */
export const HTTP_DEFAULTS = {
  /** Workers yield to the server's main thread and the load generator on a machine with few cores. */
  workerNice: 5,
} as const;

/** Slack beyond warm-up and window for start-up, the last answers and shutdown. */
const CELL_SLACK_S = 60;
/** With --amount the window has no known length: each cell gets this long unless --cell-timeout says otherwise. */
const AMOUNT_CELL_TIMEOUT_S = 600;
/** The inputs are deterministic; one fixed seed keeps runs comparable. */
const SEED = 1;

export interface HttpPlan {
  suite: { name: string; url: string; size: number; maxRequestSize: number };
  strategies: HttpStrategyName[];
  /** Located and probed; a missing one (under --keep-going) has its cells skipped. */
  runtimes: RuntimeTarget[];
  config: RunConfig & { http: HttpLoadConfig };
}

/**
 * A strategy named in --strategies that a runtime of the run cannot serve is bad input (the
 * probe tried it there); one that came with the defaults is skipped on that runtime with the reason.
 */
function checkNamedStrategies(
  strategies: readonly HttpStrategyName[],
  transports: readonly string[] | undefined,
  runtimes: readonly RuntimeTarget[],
): void {
  for (const target of runtimes) {
    if (!('probe' in target)) continue;
    for (const strategy of strategies) {
      for (const transport of transportsToRun(strategy, transports)) {
        const reason = unsupportedReason(target.probe, strategy, transport);
        if (reason !== undefined) {
          throw new UsageError(`--strategies ${strategy}: ${reason}; drop it, or leave ${target.name} out of --runtime`);
        }
      }
    }
  }
}

/** `warn`: a runtime skipped under --keep-going. */
export async function resolveHttpOptions(raw: RawHttpOptions, warn: (line: string) => void = () => {}): Promise<HttpPlan> {
  integerIn('connections', raw.connections, 1, 10_000, 'a whole number');
  secondsIn('duration', raw.duration, false, 86_400);
  integerIn('amount', raw.amount, 1, 1e9, 'a whole number');
  integerIn('pipelining', raw.pipelining, 1, 1_000, 'a whole number');
  secondsIn('warmup', raw.warmup, true, 3_600);
  integerIn('health-interval', raw.healthInterval, 1, 60_000, 'a number of milliseconds');
  integerIn('max-queue', raw.maxQueue, 0, 1_000_000, 'a whole number');
  secondsIn('timeout', raw.timeout, false, 3_600);
  if (raw.cellTimeout !== undefined) secondsIn('cell-timeout', raw.cellTimeout, false, 86_400);
  integerIn('workers', raw.workers, 1, MAX_WORKERS, 'a whole number');
  if (raw.workers !== undefined && raw.workersList !== undefined) {
    throw new UsageError('--workers-list gives the worker counts: drop --workers (or --workers-list, to run one count)');
  }
  // The baseline runs once whatever the list; 1 need not be in it (the article compared 30 workers with one thread).
  const workersList =
    raw.workersList === undefined ? undefined : parseAscendingList('workers-list', raw.workersList, 1, MAX_WORKERS, '1,2,4,8,30');
  const workers = workersList?.at(-1) ?? requestedWorkers(raw.workers);
  parseRuntimes(raw); // an unknown runtime is refused before anything is probed
  const workerNice = raw.workerNice ?? HTTP_DEFAULTS.workerNice;
  integerIn('worker-nice', workerNice, 0, 19, 'a nice increment');
  integerIn('max-heap', raw.maxHeap, 16, 1_048_576, 'a number of MiB');
  if (raw.amount !== undefined && raw.amount < raw.connections) {
    throw new UsageError(
      `--amount (${raw.amount}) must be at least --connections (${raw.connections}): every connection sends one request or more`,
    );
  }
  const { strategies, transports } = resolveTransports(
    raw.strategies,
    parseStrategies(raw.strategies, HTTP_STRATEGY_NAMES, defaultStrategiesFor('http')),
    raw.transport,
  );

  const specs = suiteSpecs(raw.suite ?? DEFAULT_SUITE);
  const spec = specs[0] ?? '';
  if (specs.length !== 1 || spec === '' || spec === 'all') {
    throw new UsageError(
      `--suite takes one suite for bench http (a server serves one route), got "${raw.suite}": run the suites one at a time`,
    );
  }
  const url = resolveSuiteUrl(spec);
  // Loaded in a probe process of its own (suite-facts.ts): never in this one; under --max-heap when given.
  const suite = await suiteFacts(url, {
    timeoutMs: (raw.cellTimeout ?? DEFAULT_CELL_TIMEOUT_S) * 1000,
    ...(raw.maxHeap === undefined ? {} : { heapMb: raw.maxHeap }),
  });
  const size = raw.size === undefined ? suite.defaultSize : sizeValue(raw.size);
  integerIn('size', size, 1, suite.maxSize ?? Number.MAX_SAFE_INTEGER, `a whole number for suite ${suite.name}`);
  // Default: the size the load asks for; a client asking for more is refused (400), not served gigabytes.
  const maxRequestSize = raw.maxRequestSize ?? size;
  integerIn(
    'max-request-size',
    maxRequestSize,
    size,
    suite.maxSize ?? Number.MAX_SAFE_INTEGER,
    `a whole number, at least --size (${size})`,
  );

  const durationMs = raw.amount === undefined ? raw.duration * 1000 : null;
  const windowS = raw.amount === undefined ? raw.duration : AMOUNT_CELL_TIMEOUT_S;
  const http: HttpLoadConfig = {
    connections: raw.connections,
    pipelining: raw.pipelining,
    durationMs,
    amount: raw.amount ?? null,
    warmupMs: raw.warmup * 1000,
    healthProbe: raw.healthProbe,
    healthIntervalMs: raw.healthInterval,
    maxQueue: raw.maxQueue,
    requestTimeoutMs: raw.timeout * 1000,
    ...(workersList === undefined ? {} : { workersList }),
  };
  const runtimes = await resolveRuntimes(raw, warn);
  if (raw.strategies !== undefined) checkNamedStrategies(strategies, transports, runtimes);
  return {
    suite: { name: suite.name, url, size, maxRequestSize },
    strategies,
    runtimes,
    config: {
      scenario: 'http',
      suites: [suite.name],
      // Each runtime serves with its own server: node:http, Bun.serve, Deno.serve.
      runtimes: runtimes.map((target) => target.name),
      sizes: { [suite.name]: size },
      strategies,
      workers,
      workerNice,
      // The server, its workers and children each get it; the memory watchdog bounds them all.
      maxHeapMb: raw.maxHeap ?? defaultHeapMb(workers),
      // One cell per strategy; the window is the measured phase (0 when it ran for --amount requests).
      rounds: 1,
      quick: false,
      phaseMs: durationMs ?? 0,
      cellTimeoutMs: (raw.cellTimeout ?? raw.warmup + windowS + CELL_SLACK_S) * 1000,
      seed: SEED,
      http,
      ...(transports === undefined ? {} : { transports }),
      // Absent, not false, without --phases: a results file without phase timing is unchanged.
      ...(raw.phases ? { phases: true } : {}),
    },
  };
}
