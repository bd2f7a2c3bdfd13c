/**
 * One server process: the strategy's executor behind node:http, listening on 127.0.0.1
 * only, on a port the OS picks. Driven over IPC by the harness (or a cluster primary):
 * start and stop the measured window, report, shut down.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Suite } from '../../../suites/suite.js';
import { loadSuite } from '../../../suites/registry.js';
import { lowerPriority } from '../../transports/entry-support.js';
import { startEventLoopProbe, type EventLoopProbe } from '../../cell/event-loop-delay.js';
import { findStrategy } from '../../strategies/index.js';
import { strategyFacts, workersFor } from '../../contract/strategies.js';
import { BoundedExecutor } from './admission.js';
import { onParentMessage, sendToParent } from './ipc.js';
import type { ServerSpec, ServerStats } from '../../contract/http-protocol.js';
import { createRouter } from './routes.js';

/** The pool strategies' executors as they are, bounded by --max-queue. Cluster processes each run main-thread. */
/** Longest wait for the warm-up's leftover requests; below the cluster primary's 10 s gather. */
const SETTLE_MAX_MS = 5_000;

/*
 * What keeps the server answering /health whoever connects (a slowloris client's hundreds
 * of half-sent requests, 10,000 idle sockets): a bound on sockets, and on how long one may
 * take to send its request. Loopback clients send a request in microseconds, so 10 s is
 * generous; Node's defaults (60 s, checked every 30 s) let a stalled socket live 90 s. A
 * request's run time is not bounded here: a task may legitimately take minutes.
 */
const HEADERS_TIMEOUT_MS = 10_000;
/** How often Node looks for requests past their timeout. */
const TIMEOUT_CHECK_MS = 1_000;
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
  // The server always runs on Node, so workers start through node:worker_threads.
  const executor = strategy.create({
    suite,
    workers,
    channel: {
      suiteUrl: spec.suiteUrl,
      nice: spec.workerNice,
      thread: { api: 'worker_threads', smol: false, ...(spec.heapMb === undefined ? {} : { heapMb: spec.heapMb }) },
    },
  });
  return new BoundedExecutor(executor, workers, spec.maxQueue);
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the OS picks a free port; in a cluster process the primary picks it once for all.
    server.listen({ port: 0, host: '127.0.0.1' }, () => resolve((server.address() as AddressInfo).port));
  });
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
  const headersTimeout = spec.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const server = http.createServer(
    // requestTimeout just above: for a GET the headers are the whole request.
    { headersTimeout, requestTimeout: headersTimeout + TIMEOUT_CHECK_MS, connectionsCheckingInterval: TIMEOUT_CHECK_MS },
    router.handle,
  );
  // Past the cap, Node closes a new socket as it arrives: the ones open keep being served.
  server.maxConnections = connectionCap(spec);
  const port = await listen(server);

  let probe: EventLoopProbe | undefined;
  onParentMessage((message) => {
    if (message.type === 'measure-start') {
      void executor.settled(SETTLE_MAX_MS).then(() => {
        router.reset();
        probe = startEventLoopProbe();
        sendToParent({ type: 'measuring' });
      });
    } else if (message.type === 'measure-stop') {
      const eventLoopDelay = probe?.stop() ?? { p50Ms: 0, p99Ms: 0, maxMs: 0, method: 'histogram' as const };
      probe = undefined;
      // After the window, as a cell asks after its phases: its time is in no figure.
      const contractBreach = router.contractBreach();
      const stats: ServerStats = {
        counters: { ...router.counters },
        eventLoopDelay,
        startupSamplesMs: [...executor.startupSamplesMs],
        ...(router.firstWrongOutput ? { firstWrongOutput: router.firstWrongOutput } : {}),
        ...(router.firstServerError ? { firstServerError: router.firstServerError } : {}),
        ...(contractBreach === undefined ? {} : { contractBreach }),
      };
      sendToParent({ type: 'stats', stats });
    } else {
      server.close();
      server.closeAllConnections();
      // Closing the executor ends its workers and lets pool children exit on their own.
      void executor.close().finally(() => process.exit(0));
    }
  });
  sendToParent({ type: 'listening', port });
}
