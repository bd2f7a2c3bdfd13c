/**
 * Every message of the HTTP scenario that crosses a process boundary, in one place.
 *
 * - harness → server process: a ServerSpec as argv JSON, then HarnessMessage over IPC;
 *   server → harness: ServerMessage over IPC (JSON serialization: plain data only).
 * - cluster primary ↔ its server processes: the same two message types, so one server
 *   process answers a cluster primary exactly as it answers the harness.
 */
import type { EventLoopDelay, HttpServerCounters, PhaseSamples, RoundPhases } from './results.js';
import type { ThreadOptions } from './protocol.js';
import { strategiesFor, type ScenarioStrategyName } from './strategies.js';

export type HttpStrategyName = ScenarioStrategyName<'http'>;
/** Strategies `bench http` can put behind a server, in table order. */
export const HTTP_STRATEGY_NAMES: readonly HttpStrategyName[] = strategiesFor('http');

export interface ServerSpec {
  suiteUrl: string;
  /** Size of a request that names none (`GET /<suite>` without `?size=`). */
  size: number;
  strategy: HttpStrategyName;
  /** Worker threads, child processes or (cluster) server processes. */
  workers: number;
  /** Priority decrease of workers, children and cluster server processes (Linux nice). */
  workerNice: number;
  /** Requests that may wait beyond the ones running; past it: 503 with Retry-After. */
  maxQueue: number;
  /**
   * --max-request-size: the largest `?size=` a request may ask for (400 above it), so one
   * request cannot grow the server by gigabytes and stall /health (bench http always sets
   * it; absent: only the suite's maxSize bounds it).
   */
  maxRequestSize?: number;
  seed: number;
  /**
   * --max-heap: the old-generation limit (MiB) of the server process, each of its worker threads
   * and child processes, and each cluster process; the harness's memory watchdog bounds the
   * whole tree by the same budget as a cell's. Absent: the runtime's defaults.
   */
  heapMb?: number;
  /**
   * Open connections the server holds at once; past it a new one is closed as it arrives
   * (serve.ts). Absent: 16,384, or fewer where the file-descriptor limit is lower.
   */
  maxConnections?: number;
  /** A request whose headers are not all in after this long is answered 408 and closed (slowloris). Absent: 10 s. */
  headersTimeoutMs?: number;
  /**
   * How the server's worker threads start: the runtime probe's faster thread API (Bun's global
   * `Worker`), smol for bun-smol. Absent: node:worker_threads, not smol. Its heap limit is heapMb.
   */
  thread?: Omit<ThreadOptions, 'heapMb'>;
  /** How the server's event-loop delay is read (the runtime probe's findings). Absent: the histogram, less 1 ms. */
  eventLoopMethod?: EventLoopDelay['method'];
  eventLoopFloorMs?: number;
  /** --transport: how the pool's payloads travel (strategies.ts TRANSPORTS). Absent: the strategy's default. */
  transport?: string;
  /** --phases: each request's task is split into phases, and the server's own parse and respond time is timed. */
  phases?: boolean;
}

/**
 * --phases, one server's measured window: its tasks' phases as a cell's (queue, send, run,
 * return; the server's main thread is the cell), and per request the server's own work around
 * the task: `parseMs`, the handler's start → the task submitted (URL, size, input), and
 * `respondMs`, the output back → the response handed to the runtime (verify, JSON).
 */
export interface ServerPhases {
  tasks: RoundPhases;
  parseMs: PhaseSamples | null;
  respondMs: PhaseSamples | null;
}

/** One server process's counters for the measured window; wrong outputs error the cell. */
export interface ServerCounters extends HttpServerCounters {
  wrongOutputs: number;
  /** Requests answered 400, 404 or 405: the load generator asked for something else. */
  badRequests: number;
  /** GET /noop answered (the server's own cost, measured once per runtime). */
  noop: number;
}

export interface ServerStats {
  counters: ServerCounters;
  /** The server's main thread during the window (cluster: the worst of its processes). */
  eventLoopDelay: EventLoopDelay;
  /** Spawn → ready time of every worker, child or cluster process started so far. */
  startupSamplesMs: number[];
  /** First wrong output seen, for the error message. */
  firstWrongOutput?: string;
  /** First request that failed on the server's side (makeInput or run threw, a worker died), for the error message. */
  firstServerError?: string;
  /** The suite broke its contract (run changed its input), asked after the window: the cell's error, one line. */
  contractBreach?: string;
  /** --phases only. */
  phases?: ServerPhases;
}

/**
 * Off Node, a cluster's server processes share their port by SO_REUSEPORT, so it cannot be 0
 * (each would get its own): the primary picks one and hands it down in this variable.
 */
export const CLUSTER_PORT_VARIABLE = 'BENCH_CLUSTER_PORT';

export type HarnessMessage = { type: 'measure-start' } | { type: 'measure-stop' } | { type: 'shutdown' };

export type ServerMessage =
  | { type: 'listening'; port: number }
  /** The counters were reset and the event-loop probe started. */
  | { type: 'measuring' }
  | { type: 'stats'; stats: ServerStats }
  | { type: 'fatal'; message: string };
