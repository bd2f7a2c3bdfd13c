/**
 * One server process: the strategy's executor behind this runtime's own server (node:http,
 * Bun.serve or Deno.serve: native-server.ts), listening on 127.0.0.1 only, on a port the OS
 * picks (a cluster's off Node: the one its primary picked). Driven over IPC by the harness (or a
 * cluster primary): start and stop the measured window, report, shut down.
 */
import { readFileSync } from 'node:fs';
import type { Suite } from '../../../suites/suite.js';
import { loadSuite } from '../../../suites/registry.js';
import { lowerPriority } from '../../transports/entry-support.js';
import { startEventLoopProbe, type EventLoopProbe } from '../../cell/event-loop-delay.js';
import { findStrategy } from '../../strategies/index.js';
import { strategyFacts, workersFor } from '../../contract/strategies.js';
import { BoundedExecutor } from './admission.js';
import { onParentMessage, sendToParent } from './ipc.js';
import { CLUSTER_PORT_VARIABLE, type ServerSpec, type ServerStats } from '../../contract/http-protocol.js';
import { createRouter } from './routes.js';
import { listenNative } from './native-server.js';
import { RequestPhases } from './request-phases.js';

/** The pool strategies' executors as they are, bounded by --max-queue. Cluster processes each run main-thread. */
/** Longest wait for the warm-up's leftover requests; below the cluster primary's 10 s gather. */
const SETTLE_MAX_MS = 5_000;

/*
 * What keeps the server answering /health whoever connects (a slowloris client's hundreds
 * of half-sent requests, 10,000 idle sockets): a bound on sockets, and on how long one may
 * take to send its request. Loopback clients send a request in microseconds, so 10 s is
 * generous; Node's defaults (60 s, checked every 30 s) let a stalled socket live 90 s. A
 * request's run time is not bounded here: a task may legitimately take minutes. These bind
 * node:http only: Bun.serve and Deno.serve keep their own defaults (native-server.ts).
 */
const HEADERS_TIMEOUT_MS = 10_000;
/** ~10 KB each when idle: 16,384 sockets stay under ~200 MB, above --connections' 10,000 plus the /health probe. */
const DEFAULT_MAX_CONNECTIONS = 16_384;
/**
 * File descriptors kept for the server's own use (pool children's pipes, the IPC channel,
 * the suite's files): past its limit, accept() fails and /health with it.
 */
const FD_RESERVE = 256;

/** The soft open-files limit (Node raises it to the hard limit at start), or undefined where /proc cannot tell. */
function openFilesLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = Number(line?.split(/\s{2,}/)[1]);
    return Number.isFinite(soft) ? soft : undefined;
  } catch {
    return undefined;
  }
}

/** The spec's cap (or the default), within the file-descriptor limit less the reserve. */
export function connectionCap(spec: Pick<ServerSpec, 'maxConnections'>, fdLimit = openFilesLimit()): number {
  const wanted = spec.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  return fdLimit === undefined ? wanted : Math.max(1, Math.min(wanted, fdLimit - FD_RESERVE));
}

function createExecutor(spec: ServerSpec, suite: Suite): BoundedExecutor {
  const name = strategyFacts(spec.strategy)?.eachServerRuns ?? spec.strategy;
  const strategy = findStrategy(name);
  if (!strategy) throw new Error(`unknown strategy ${name}`);
  const workers = workersFor(name, spec.workers);
  // Threads start through the API the runtime probe found faster (Bun: its global Worker), as a cell's do.
  const thread = spec.thread ?? { api: 'worker_threads', smol: false };
  const executor = strategy.create({
    suite,
    workers,
    channel: {
      suiteUrl: spec.suiteUrl,
      nice: spec.workerNice,
      thread: { ...thread, ...(spec.heapMb === undefined ? {} : { heapMb: spec.heapMb }) },
      ...(spec.transport === undefined ? {} : { transport: spec.transport }),
      ...(spec.phases ? { phases: true } : {}),
    },
  });
  return new BoundedExecutor(executor, workers, spec.maxQueue);
}

export async function serve(spec: ServerSpec): Promise<void> {
  // A cluster process is one of the strategy's workers: it yields to the primary and the load generator.
  if (strategyFacts(spec.strategy)?.eachServerRuns !== undefined) lowerPriority(spec.workerNice);
  const suite = await loadSuite(spec.suiteUrl);
  const executor = createExecutor(spec, suite);
  await executor.start();
  const router = createRouter({
    suite,
    executor,
    defaultSize: spec.size,
    maxRequestSize: spec.maxRequestSize ?? Number.MAX_SAFE_INTEGER,
    seed: spec.seed,
  });
  // A cluster process off Node listens on the port its primary picked, beside its siblings (cluster-primary.ts).
  const sharedPort = Number(process.env[CLUSTER_PORT_VARIABLE] ?? 0);
  const server = await listenNative(router.handle, {
    port: sharedPort,
    reusePort: sharedPort > 0,
    maxConnections: connectionCap(spec),
    headersTimeoutMs: spec.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
  });
  const { port } = server;

  let probe: EventLoopProbe | undefined;
  onParentMessage((message) => {
    if (message.type === 'measure-start') {
      void executor.settled(SETTLE_MAX_MS).then(() => {
        router.reset();
        router.phases = spec.phases ? new RequestPhases() : undefined;
        probe = startEventLoopProbe(spec.eventLoopMethod, spec.eventLoopFloorMs);
        sendToParent({ type: 'measuring' });
      });
    } else if (message.type === 'measure-stop') {
      const eventLoopDelay = probe?.stop() ?? { p50Ms: 0, p99Ms: 0, maxMs: 0, method: 'histogram' as const };
      probe = undefined;
      const phases = router.phases?.finish();
      router.phases = undefined;
      // After the window, as a cell asks after its phases: its time is in no figure.
      const contractBreach = router.contractBreach();
      const stats: ServerStats = {
        counters: { ...router.counters },
        eventLoopDelay,
        startupSamplesMs: [...executor.startupSamplesMs],
        ...(router.firstWrongOutput ? { firstWrongOutput: router.firstWrongOutput } : {}),
        ...(router.firstServerError ? { firstServerError: router.firstServerError } : {}),
        ...(contractBreach === undefined ? {} : { contractBreach }),
        ...(phases === undefined ? {} : { phases }),
      };
      sendToParent({ type: 'stats', stats });
    } else {
      server.close();
      // Closing the executor ends its workers and lets pool children exit on their own.
      void executor.close().finally(() => process.exit(0));
    }
  });
  sendToParent({ type: 'listening', port });
}
