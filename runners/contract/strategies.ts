/**
 * Every fact about every strategy, in one table: what it is, what it needs from a
 * runtime, how a task reaches the thread that runs it, which commands offer it, its
 * colour. Pure data (type imports only), so the CLI, the reports and a cell can all
 * read it without loading an executor. The executors live in runners/strategies/.
 */
import type { Capability } from './capabilities.js';

/** The commands a strategy can be measured under: `bench run` and `bench http`. */
export type Scenario = 'run' | 'http';

interface Facts<Name extends string = string> {
  /** Where a task runs: on the dispatching thread, in a worker thread, in a child process. */
  kind: 'main' | 'thread' | 'process';
  /** Starts a fresh thread or process for every task (its start-up is part of each task). */
  perTask: boolean;
  /** Runtime capabilities it cannot run without (beyond a thread API, which every thread kind needs). */
  needs: readonly Capability[];
  /**
   * How a task's input and output cross to where it runs: not at all, postMessage
   * (transfer lists), SharedArrayBuffer slots handed off with Atomics, or JSON over
   * the fork IPC channel.
   */
  transport: 'none' | 'message' | 'shared-memory' | 'ipc';
  scenarios: readonly Scenario[];
  /**
   * http only: the server itself is forked once per worker (node:cluster) and each
   * server process runs this strategy's executor, so this one has no executor of its own.
   */
  eachServerRuns?: Name;
  /**
   * One colour everywhere (charts, HTML table). Okabe–Ito: distinguishable with the
   * common colour-vision deficiencies; the baseline is grey because every other bar
   * is judged against it.
   */
  colour: string;
  /** One line for `bench list`. */
  description: string;
  /**
   * A peer pool: the npm package whose pool runs the tasks. Peers are measured only when
   * asked for (`--strategies`), and their installed versions go into the results context.
   */
  peer?: PeerPackage;
}

/** The npm packages of the peer pools, each a dependency of this harness. */
export type PeerPackage = 'piscina' | 'tinypool' | 'poolifier';

// Key order is the order of every table, chart and list: from no parallelism, through
// threads, to processes.
const REGISTRY = {
  'main-thread': {
    kind: 'main',
    perTask: false,
    needs: [],
    transport: 'none',
    scenarios: ['run', 'http'],
    colour: '#5f5f5f',
    description: "runs tasks on the cell's own thread, one after another (the baseline)",
  },
  'worker-per-task': {
    kind: 'thread',
    perTask: true,
    needs: ['transfer'],
    transport: 'message',
    scenarios: ['run'],
    colour: '#e69f00',
    description: 'a new worker thread for every task, terminated afterwards',
  },
  'worker-pool': {
    kind: 'thread',
    perTask: false,
    needs: ['transfer'],
    transport: 'message',
    scenarios: ['run', 'http'],
    colour: '#0072b2',
    description: 'N pre-spawned worker threads, a task queue, a crashed worker replaced',
  },
  'shared-memory': {
    kind: 'thread',
    perTask: false,
    needs: ['sharedMemory', 'receiveMessageOnPort'],
    transport: 'shared-memory',
    scenarios: ['run', 'http'],
    colour: '#009e73',
    description: 'N pre-spawned workers; payloads in SharedArrayBuffers, hand-off via Atomics',
  },
  'process-per-task': {
    kind: 'process',
    perTask: true,
    needs: ['forkIpc'],
    transport: 'ipc',
    scenarios: ['run'],
    colour: '#d55e00',
    description: 'a new child process (fork + IPC) for every task',
  },
  'process-pool': {
    kind: 'process',
    perTask: false,
    needs: ['forkIpc'],
    transport: 'ipc',
    scenarios: ['run', 'http'],
    colour: '#cc79a7',
    description: 'N pre-forked child processes, a task queue, a crashed child replaced',
  },
  // The primary hands each connection to one server process; a request's task never leaves
  // that process. No `needs`: bench http's server always runs on Node.
  cluster: {
    kind: 'process',
    perTask: false,
    needs: [],
    transport: 'none',
    scenarios: ['http'],
    eachServerRuns: 'main-thread',
    colour: '#56b4e9',
    description: 'N forked single-threaded server processes sharing one port (node:cluster), connections handed out round-robin',
  },
  // Peer pools: what users pick instead of writing a pool. Same worker count, nice increment
  // and output checks as ours; each library's own defaults otherwise. Colours: Paul Tol's
  // muted scheme, as colour-blind safe as Okabe–Ito and distinct from it.
  piscina: {
    kind: 'thread',
    perTask: false,
    needs: ['sharedMemory', 'receiveMessageOnPort'],
    transport: 'message',
    scenarios: ['run', 'http'],
    peer: 'piscina',
    colour: '#882255',
    description: 'piscina (npm), N threads; between tasks its workers wait in Atomics.wait (its default)',
  },
  'piscina-atomics-off': {
    kind: 'thread',
    perTask: false,
    needs: ['transfer'],
    transport: 'message',
    scenarios: ['run', 'http'],
    peer: 'piscina',
    colour: '#cc6677',
    description: "piscina (npm), N threads, atomics: 'disabled': its workers wait for tasks on the event loop",
  },
  tinypool: {
    kind: 'thread',
    perTask: false,
    needs: ['sharedMemory', 'receiveMessageOnPort'],
    transport: 'message',
    scenarios: ['run', 'http'],
    peer: 'tinypool',
    colour: '#999933',
    description: 'tinypool (npm, the pool under vitest), N threads, its defaults',
  },
  poolifier: {
    kind: 'thread',
    perTask: false,
    needs: ['transfer'],
    transport: 'message',
    scenarios: ['run', 'http'],
    peer: 'poolifier',
    colour: '#332288',
    description: 'poolifier (npm) FixedThreadPool, N threads, its defaults (outputs cloned: it cannot transfer them)',
  },
} as const satisfies Record<string, Facts>;

type Registry = typeof REGISTRY;
export type StrategyName = keyof Registry;
export type StrategyFacts = Facts<StrategyName>;

/** Strategies offered by `scenario`. */
export type ScenarioStrategyName<S extends Scenario> = {
  [N in StrategyName]: S extends Registry[N]['scenarios'][number] ? N : never;
}[StrategyName];
/** Strategies with an executor of their own: all but those that run another's in each server. */
export type BuiltStrategyName = { [N in StrategyName]: Registry[N] extends { eachServerRuns: string } ? never : N }[StrategyName];

export const STRATEGY_FACTS: Readonly<Record<StrategyName, StrategyFacts>> = REGISTRY;

/** Every strategy, in table order. */
export const ALL_STRATEGY_NAMES = Object.keys(REGISTRY) as StrategyName[];

export function isStrategyName(name: string): name is StrategyName {
  return Object.hasOwn(REGISTRY, name);
}

/** The facts of `name`, or undefined for a strategy outside the registry (a peer pool in merged results). */
export function strategyFacts(name: string): StrategyFacts | undefined {
  return isStrategyName(name) ? STRATEGY_FACTS[name] : undefined;
}

/** The strategies `scenario` offers, in table order. */
export function strategiesFor<S extends Scenario>(scenario: S): ScenarioStrategyName<S>[] {
  const offered = (name: StrategyName): name is ScenarioStrategyName<S> => STRATEGY_FACTS[name].scenarios.includes(scenario);
  return ALL_STRATEGY_NAMES.filter(offered);
}

/** The strategies with an executor of their own, in table order. */
export const BUILT_STRATEGY_NAMES = ALL_STRATEGY_NAMES.filter(
  (name): name is BuiltStrategyName => STRATEGY_FACTS[name].eachServerRuns === undefined,
);

export const RUN_STRATEGY_NAMES = strategiesFor('run');

/** The strategies `scenario` measures when `--strategies` is not given: the harness's own, not the peers. */
export function defaultStrategiesFor<S extends Scenario>(scenario: S): ScenarioStrategyName<S>[] {
  return strategiesFor(scenario).filter((name) => STRATEGY_FACTS[name].peer === undefined);
}

/** The npm package behind `strategy`, or undefined for the harness's own strategies. */
export function peerPackageOf(strategy: string): PeerPackage | undefined {
  return strategyFacts(strategy)?.peer;
}

/** The peer packages `strategies` use, each once, in registry order. */
export function peerPackagesOf(strategies: readonly string[]): PeerPackage[] {
  return [...new Set(strategies.flatMap((name) => peerPackageOf(name) ?? []))];
}

/** What every other strategy's speed-up is measured against. */
export const BASELINE_STRATEGY = 'main-thread' satisfies StrategyName;

/** What the dispatch benchmark compares every strategy's no-op rate with: the pool most users pick. */
export const DISPATCH_REFERENCE = 'piscina' satisfies StrategyName;

/**
 * Threads or processes `strategy` actually uses when `requested` were asked for: a
 * strategy that runs on the main thread only ever uses one. Unknown strategies keep
 * `requested`.
 */
export function workersFor(strategy: string, requested: number): number {
  return strategyFacts(strategy)?.kind === 'main' ? 1 : requested;
}
