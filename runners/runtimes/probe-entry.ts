/**
 * Runs inside the runtime under test and prints one JSON line: what this runtime can do
 * (see capabilities.ts) and how fast its workers and children start. Each check is
 * independent and bounded in time; a check that throws records why.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { BUILTIN_SUITES } from '../../suites/registry.js';
import { spawnThread, webWorkerAvailable, type ThreadApi } from '../transports/thread.js';
import { EVENT_LOOP_RESOLUTION_MS } from '../contract/protocol.js';
import { median } from '../common/stats.js';
import { errorMessage } from '../common/error-message.js';
import type { Capability, RuntimeProbe } from '../contract/capabilities.js';
import type { ProbeReply, ProbeRequest } from './probe-worker.js';
import { checkPeers } from './probe-peers.js';

const CHECK_TIMEOUT_MS = 10_000;
/** A peer pool answers a fib(12) task within milliseconds where it works; where it hangs (tinypool on Deno, mostly), 5 s says so. */
const PEER_CHECK_TIMEOUT_MS = 5_000;
let eventLoopFloorMs: number | undefined;
const PROBE_WORKER = new URL('./probe-worker.js', import.meta.url);
const WORKER_ENTRY = new URL('../transports/worker/worker-entry.js', import.meta.url);
const CHILD_ENTRY = new URL('../transports/child/child-entry.js', import.meta.url);
const CLUSTER_WORKER = new URL('./probe-cluster-worker.js', import.meta.url);

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function withProbeWorker<T>(
  options: ConstructorParameters<typeof Worker>[1],
  use: (ask: (request: ProbeRequest, transfer?: ArrayBuffer[]) => Promise<ProbeReply>, worker: Worker) => Promise<T>,
): Promise<T> {
  const worker = new Worker(PROBE_WORKER, options);
  const replies: ProbeReply[] = [];
  let wake: (() => void) | undefined;
  worker.on('message', (reply: ProbeReply) => {
    replies.push(reply);
    wake?.();
  });
  const next = async (): Promise<ProbeReply> => {
    while (replies.length === 0)
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    return replies.shift()!;
  };
  try {
    if ((await withTimeout(next(), 'worker start')).type !== 'ready') throw new Error('probe worker did not start');
    return await use((request, transfer = []) => {
      worker.postMessage(request, transfer);
      return withTimeout(next(), request.type);
    }, worker);
  } finally {
    await worker.terminate();
  }
}

async function threadStartMs(api: ThreadApi): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const thread = spawnThread(WORKER_ENTRY, { suiteUrl: BUILTIN_SUITES.fib, nice: 0 }, { api, smol: false });
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        thread.onMessage(() => resolve());
        thread.onExit(reject);
      }),
      `${api} worker start`,
    );
    samples.push(performance.now() - started);
    await thread.terminate();
  }
  return median(samples);
}

const checks: Record<Capability, () => Promise<boolean>> = {
  workerThreads: async () => {
    await threadStartMs('worker_threads');
    return true;
  },
  webWorker: async () => webWorkerAvailable() && (await threadStartMs('web'), true),
  transfer: () =>
    withProbeWorker(undefined, async (ask) => {
      const buffer = new ArrayBuffer(1024);
      const reply = await ask({ type: 'transfer', buffer }, [buffer]);
      return buffer.byteLength === 0 && reply.type === 'transferred' && reply.byteLength === 1024;
    }),
  sharedMemory: () =>
    withProbeWorker(undefined, async (ask, worker) => {
      const shared = new SharedArrayBuffer(4);
      const woken = new Promise<ProbeReply>((resolve) =>
        worker.on('message', (reply: ProbeReply) => {
          if (reply.type !== 'waiting') resolve(reply);
        }),
      );
      await ask({ type: 'wait', shared });
      Atomics.store(new Int32Array(shared), 0, 1);
      Atomics.notify(new Int32Array(shared), 0);
      const reply = await withTimeout(woken, 'Atomics.wait');
      if (reply.type === 'failed') throw new Error(reply.message);
      return reply.type === 'woken' && reply.result !== 'timed-out';
    }),
  receiveMessageOnPort: async () => {
    const { port1, port2 } = new MessageChannel();
    port1.postMessage('probe');
    const received = receiveMessageOnPort(port2)?.message === 'probe';
    port1.close();
    return received;
  },
  forkIpc: async () => {
    await forkStartMs();
    return true;
  },
  // The advanced transport end to end: a Float64Array to the child entry and its echo back, each as itself.
  forkAdvanced: async () => {
    const child = fork(CHILD_ENTRY, [BUILTIN_SUITES.echo, '0', 'advanced'], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    try {
      await withTimeout(once(child, 'message'), 'advanced fork');
      const reply = once(child, 'message');
      child.send({ type: 'task', id: 0, input: new Float64Array([1, 2.5]) });
      const [message] = (await withTimeout(reply, 'advanced fork task')) as [{ type?: string; output?: unknown; message?: string }];
      if (message.type !== 'result') throw new Error(message.message ?? `the child answered ${String(message.type)}`);
      const { output } = message;
      if (!(output instanceof Float64Array)) throw new Error(`a Float64Array came back as ${Object.prototype.toString.call(output)}`);
      return output.length === 2 && output[0] === 2 && output[1] === 3.5;
    } finally {
      child.disconnect();
    }
  },
  cluster: async () => {
    const { default: cluster } = await import('node:cluster');
    if (typeof cluster.fork !== 'function') return false;
    cluster.setupPrimary({ exec: CLUSTER_WORKER.pathname, silent: true });
    const worker = cluster.fork();
    const [message] = await withTimeout(once(worker, 'message'), 'cluster worker');
    worker.kill();
    return message === 'cluster-worker-online';
  },
  resourceLimits: () =>
    withProbeWorker({ resourceLimits: { maxOldGenerationSizeMb: 48 } }, async (ask) => {
      const reply = await ask({ type: 'limits' });
      return reply.type === 'limits' && reply.maxOldGenerationSizeMb === 48;
    }),
  eventLoopHistogram: async () => {
    // Some runtimes ship a histogram that records nothing, or (Deno 2.9) a block only now
    // and then: block the loop for 40 ms, several times, and require it seen every time.
    // A runtime whose cells switched method from one run to the next would not compare.
    for (let trial = 1; trial <= HISTOGRAM_TRIALS; trial++) {
      const histogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
      histogram.enable();
      await new Promise((resolve) => setTimeout(resolve, 10));
      const until = performance.now() + 40;
      while (performance.now() < until) {
        /* block the event loop */
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
      histogram.disable();
      if (!(histogram.max >= 20e6))
        throw new Error(`recorded max ${histogram.max / 1e6} ms after a 40 ms block (trial ${trial} of ${HISTOGRAM_TRIALS})`);
    }
    eventLoopFloorMs = await idleEventLoopFloorMs();
    return true;
  },
};

/** Deno's histogram caught a 40 ms block in about 1 trial of 4 here: 5 of 5 leaves ~0.1 % to luck. */
const HISTOGRAM_TRIALS = 5;

/**
 * Node's histogram records each whole timer interval (an idle loop reads ~1.1 ms at 1 ms
 * resolution), Bun's only the lateness (~0.1 ms): a reading is comparable across runtimes
 * only after subtracting what an idle loop reads, rounded to 0 or the resolution.
 */
async function idleEventLoopFloorMs(): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, 50));
  histogram.disable();
  return histogram.percentile(50) / 1e6 >= EVENT_LOOP_RESOLUTION_MS / 2 ? EVENT_LOOP_RESOLUTION_MS : 0;
}

async function forkStartMs(): Promise<number> {
  const started = performance.now();
  const child = fork(CHILD_ENTRY, [BUILTIN_SUITES.fib, '0'], { serialization: 'json', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  try {
    await withTimeout(once(child, 'message'), 'fork');
    return performance.now() - started;
  } finally {
    child.disconnect();
  }
}

const probe: Omit<RuntimeProbe, 'runtime' | 'version' | 'path'> = {
  capabilities: {} as Record<Capability, boolean>,
  failures: {},
  workerStartMs: {},
  threadApi: 'worker_threads',
};
for (const [name, check] of Object.entries(checks) as [Capability, () => Promise<boolean>][]) {
  try {
    probe.capabilities[name] = await check();
  } catch (error) {
    probe.capabilities[name] = false;
    probe.failures[name] = errorMessage(error, { firstLine: true });
  }
}
if (probe.capabilities.workerThreads) probe.workerStartMs.worker_threads = await threadStartMs('worker_threads');
if (probe.capabilities.webWorker) probe.workerStartMs.web = await threadStartMs('web');
const { worker_threads: nodeMs, web: webMs } = probe.workerStartMs;
probe.threadApi = webMs !== undefined && (nodeMs === undefined || webMs < nodeMs) ? 'web' : 'worker_threads';
if (probe.capabilities.forkIpc) probe.forkStartMs = await forkStartMs();
if (eventLoopFloorMs !== undefined) probe.eventLoopFloorMs = eventLoopFloorMs;
probe.peers = await checkPeers(PEER_CHECK_TIMEOUT_MS);
process.stdout.write(`${JSON.stringify(probe)}\n`);
process.exit(0);
