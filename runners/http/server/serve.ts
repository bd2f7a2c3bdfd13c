/**
 * One server process: the strategy's executor behind node:http, listening on 127.0.0.1
 * only, on a port the OS picks. Driven over IPC by the harness (or a cluster primary):
 * start and stop the measured window, report, shut down.
 */
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

function createExecutor(spec: ServerSpec, suite: Suite): BoundedExecutor {
  const name = strategyFacts(spec.strategy)?.eachServerRuns ?? spec.strategy;
  const strategy = findStrategy(name);
  if (!strategy) throw new Error(`unknown strategy ${name}`);
  const workers = workersFor(name, spec.workers);
  // The server always runs on Node, so workers start through node:worker_threads.
  const executor = strategy.create({
    suite,
    workers,
    channel: { suiteUrl: spec.suiteUrl, nice: spec.workerNice, thread: { api: 'worker_threads', smol: false } },
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
  const server = http.createServer(router.handle);
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
      const stats: ServerStats = {
        counters: { ...router.counters },
        eventLoopDelay,
        startupSamplesMs: [...executor.startupSamplesMs],
        ...(router.firstWrongOutput ? { firstWrongOutput: router.firstWrongOutput } : {}),
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
