/**
 * Every fact about every strategy, in one table: what it is, what it needs from a
 * runtime, how a task reaches the thread that runs it, which commands offer it, its
 * colour. Pure data (type imports only), so the CLI, the reports and a cell can all
 * read it without loading an executor. The executors live in runners/strategies/.
 */
import type { Capability } from './capabilities.js';

/** The commands a strategy can be measured under: `bench run` and `bench http`. */
export type Scenario = 'run' | 'http';

/**
 * How a task's payload travels to where it runs and back: a dimension of a strategy
 * (`--transport`), named in every cell. `needs`: runtime capabilities it cannot work without.
 */
const TRANSPORTS = {
  none: { needs: [], description: 'nothing travels: the task runs on the thread that holds its input' },
  clone: { needs: [], description: 'postMessage with structured clone: a copy each way' },
  transfer: {
    needs: ['transfer'],
    description: "postMessage with the typed arrays' buffers in the transfer list: moved each way, not copied",
  },
  'transfer-in': {
    needs: ['transfer'],
    description: "postMessage, the input transferred and the output structured-cloned (poolifier's own)",
  },
  'shared-memory': {
    needs: ['sharedMemory'],
    description: 'payloads encoded into and out of a SharedArrayBuffer, handed off with Atomics: no message',
  },
  json: { needs: [], description: "fork IPC with serialization: 'json': typed arrays travel as base64 strings" },
  advanced: {
    needs: ['forkAdvanced'],
    description: "fork IPC with serialization: 'advanced' (V8's serializer): typed arrays travel as themselves",
  },
} as const satisfies Record<string, { needs: readonly Capability[]; description: string }>;

export type TransportName = keyof typeof TRANSPORTS;
export const TRANSPORT_FACTS: Readonly<Record<TransportName, { needs: readonly Capability[]; description: string }>> = TRANSPORTS;
/** What `--transport` may name: every transport but `none`, which is no choice. */
export const CHOOSABLE_TRANSPORTS = (Object.keys(TRANSPORTS) as TransportName[]).filter((name) => name !== 'none');
/** The transport of the shared-memory strategy: the payload in a SharedArrayBuffer, never in a message. */
export const SHARED_BUFFER_TRANSPORT = 'shared-memory' satisfies TransportName;

export function isTransportName(name: string): name is TransportName {
  return Object.hasOwn(TRANSPORTS, name);
}

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
  /**
   * The transports (TRANSPORTS below) it can carry payloads with; the first is its default,
   * what it used before the transport was a choice, and what a cell without one ran.
   */
  transports: readonly [TransportName, ...TransportName[]];
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
   * Tasks each worker holds at once when --in-flight-per-worker is not given: the depth that
   * dispatched fastest here (scripts/benchmarks/dispatch.ts). Absent: one, or for a peer its
   * library's own default.
   */
  inFlightPerWorker?: number;
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
    transports: ['none'],
    scenarios: ['run', 'http'],
    colour: '#5f5f5f',
    description: "runs tasks on the cell's own thread, one after another (the baseline)",
  },
  'worker-per-task': {
    kind: 'thread',
    perTask: true,
    needs: ['transfer'],
    transport: 'message',
    transports: ['transfer', 'clone'],
    scenarios: ['run'],
    colour: '#e69f00',
    description: 'a new worker thread for every task, terminated afterwards',
  },
  'worker-pool': {
    kind: 'thread',
    perTask: false,
    needs: ['transfer'],
    transport: 'message',
    transports: ['transfer', 'clone'],
    scenarios: ['run', 'http'],
    inFlightPerWorker: 8,
    colour: '#0072b2',
    description: 'N pre-spawned worker threads, a task queue, a crashed worker replaced',
  },
  'shared-memory': {
    kind: 'thread',
    perTask: false,
    needs: ['sharedMemory', 'receiveMessageOnPort'],
    transport: 'shared-memory',
    transports: ['shared-memory'],
    inFlightPerWorker: 8,
    scenarios: ['run', 'http'],
    colour: '#009e73',
    description: 'N pre-spawned workers; payloads in SharedArrayBuffers, hand-off via Atomics',
  },
  'process-per-task': {
    kind: 'process',
    perTask: true,
    needs: ['forkIpc'],
    transport: 'ipc',
    transports: ['json', 'advanced'],
    scenarios: ['run'],
    colour: '#d55e00',
    description: 'a new child process (fork + IPC) for every task',
  },
  'process-pool': {
    kind: 'process',
    perTask: false,
    needs: ['forkIpc'],
    transport: 'ipc',
    transports: ['json', 'advanced'],
    scenarios: ['run', 'http'],
    colour: '#cc79a7',
    description: 'N pre-forked child processes, a task queue, a crashed child replaced',
  },
  // Node: the primary hands each connection to one server process; Bun and Deno: every server
  // process listens on the same port with SO_REUSEPORT, and the kernel spreads connections by
  // hash. A request's task never leaves the process that took its connection.
  cluster: {
    kind: 'process',
    perTask: false,
    needs: ['cluster'],
    transport: 'none',
    transports: ['none'],
    scenarios: ['http'],
    eachServerRuns: 'main-thread',
    colour: '#56b4e9',
    description:
      'N forked single-threaded server processes sharing one port (node:cluster): Node hands connections out round-robin, Bun and Deno by SO_REUSEPORT',
  },
  // Peer pools: what users pick instead of writing a pool. Same worker count, nice increment
  // and output checks as ours; each library's own defaults otherwise. Colours: Paul Tol's
  // muted scheme, as colour-blind safe as Okabe–Ito and distinct from it.
  piscina: {
    kind: 'thread',
    perTask: false,
    needs: ['sharedMemory', 'receiveMessageOnPort'],
    transport: 'message',
    transports: ['transfer'],
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
    transports: ['transfer'],
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
    transports: ['transfer'],
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
    transports: ['transfer-in'],
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

/** The pool whose figures the busy-machine benchmark prints: bench's own, the one most runs rank first. */
export const BUSY_MACHINE_POOL = 'worker-pool' satisfies StrategyName;

/** The process pool benchmarks pick when they measure one strategy of each kind. */
export const PROCESS_POOL = 'process-pool' satisfies StrategyName;

/**
 * Threads or processes `strategy` actually uses when `requested` were asked for: a
 * strategy that runs on the main thread only ever uses one. Unknown strategies keep
 * `requested`.
 */
export function workersFor(strategy: string, requested: number): number {
  return strategyFacts(strategy)?.kind === 'main' ? 1 : requested;
}

/** The transports `strategy` can use, its default first; none for a strategy outside the registry. */
export function transportsOf(strategy: string): readonly TransportName[] {
  return strategyFacts(strategy)?.transports ?? [];
}

/**
 * What a cell of `strategy` ran when it names no transport (files from before transports
 * were a choice): the strategy's default. Undefined for a strategy outside the registry.
 */
export function defaultTransportOf(strategy: string): TransportName | undefined {
  return transportsOf(strategy)[0];
}

/** Strategies whose channels the harness makes deep, each with its depth in the registry (worker-pool, shared-memory). */
export type PipelinedStrategyName = { [N in StrategyName]: Registry[N] extends { inFlightPerWorker: number } ? N : never }[StrategyName];

/**
 * Tasks each worker of `strategy` holds at once: the one place the depth default is decided,
 * read by the pipelined strategies (how deep their channels are) and by the cell (what its
 * batch keeps outstanding). The flag's value, else the registry's depth; undefined for the
 * others: one at a time, or for a peer its library's own default.
 */
export function inFlightPerWorkerOf(strategy: PipelinedStrategyName, requested: number | undefined): number;
export function inFlightPerWorkerOf(strategy: string, requested: number | undefined): number | undefined;
export function inFlightPerWorkerOf(strategy: string, requested: number | undefined): number | undefined {
  return requested ?? strategyFacts(strategy)?.inFlightPerWorker;
}

/**
 * The transports a run measures `strategy` with: those of `chosen` (--transport) it can use,
 * or its default when none was chosen or it can use none of them (main-thread, the
 * baseline, has no transport to choose). The CLI refuses a choice a named strategy cannot use.
 */
export function transportsToRun(strategy: string, chosen?: readonly string[]): TransportName[] {
  const own = transportsOf(strategy);
  const picked = chosen === undefined ? [] : own.filter((name) => chosen.includes(name));
  return picked.length > 0 ? picked : own.slice(0, 1);
}
