/**
 * The `cluster` strategy: node:cluster forks one single-threaded server process per
 * worker; they share one listening port on 127.0.0.1. On Node the primary accepts connections
 * and hands them out round-robin (Node's default on Linux); Bun.serve and Deno.serve cannot take
 * a handle from it, so there every process listens on a port the primary picked, with
 * SO_REUSEPORT, and the kernel spreads connections by hash. The primary speaks to the
 * harness like any server process, fans each request out to its processes, merges their
 * answers, and replaces a process that dies.
 */
import cluster, { type Worker } from 'node:cluster';
import net from 'node:net';
import { onParentMessage, sendToParent } from './ipc.js';
import { serverKind } from './native-server.js';
import {
  CLUSTER_PORT_VARIABLE,
  type HarnessMessage,
  type ServerMessage,
  type ServerSpec,
  type ServerStats,
} from '../../contract/http-protocol.js';

/** Consecutive deaths before listening after which the primary gives up: the server cannot start. */
const MAX_START_FAILURES = 3;
/** A process that has not answered by then (blocked, or dying) is left out of the merge. */
const GATHER_TIMEOUT_MS = 10_000;

type Reply<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

/** One figure for the whole server: counters add up; delays take the worst process, the one a request may land on. */
export function mergeServerStats(all: readonly ServerStats[]): ServerStats {
  const [first] = all;
  if (!first) throw new Error('no cluster process answered');
  const worst = (pick: (stats: ServerStats) => number): number => Math.max(...all.map(pick));
  const counters = { ...first.counters };
  for (const stats of all.slice(1)) {
    for (const key of Object.keys(counters) as (keyof typeof counters)[]) counters[key] += stats.counters[key];
  }
  const firstWrongOutput = all.find((stats) => stats.firstWrongOutput)?.firstWrongOutput;
  const firstServerError = all.find((stats) => stats.firstServerError)?.firstServerError;
  const contractBreach = all.find((stats) => stats.contractBreach)?.contractBreach;
  // --phases: one process's, the one that timed most requests; its tasks ran where its requests came in, as every process's did.
  const phases = all.flatMap((stats) => (stats.phases ? [stats.phases] : [])).sort((a, b) => b.tasks.count - a.tasks.count)[0];
  return {
    counters,
    eventLoopDelay: {
      p50Ms: worst((s) => s.eventLoopDelay.p50Ms),
      p99Ms: worst((s) => s.eventLoopDelay.p99Ms),
      maxMs: worst((s) => s.eventLoopDelay.maxMs),
      method: first.eventLoopDelay.method,
    },
    startupSamplesMs: all.flatMap((stats) => stats.startupSamplesMs),
    ...(firstWrongOutput ? { firstWrongOutput } : {}),
    ...(firstServerError ? { firstServerError } : {}),
    ...(contractBreach ? { contractBreach } : {}),
    ...(phases ? { phases } : {}),
  };
}

/** A free port on 127.0.0.1 for the server processes to share (off Node). Another program could take it meanwhile; on loopback, unlikely. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function runClusterPrimary(spec: ServerSpec): Promise<void> {
  // Forks run this same entry with the same argv (cluster's defaults); there, cluster.isWorker is true.
  const listening = new Set<Worker>();
  /** Fork → listening time of every server process, replacements included. */
  const startupSamplesMs: number[] = [];
  const pending = new Map<Worker, (message: ServerMessage) => void>();
  let startFailures = 0;
  let stopping = false;

  let settleReady!: { resolve: (port: number) => void; reject: (error: Error) => void };
  const ready = new Promise<number>((resolve, reject) => {
    settleReady = { resolve, reject };
  });

  // Node: port 0, the primary's handle shared by all; off Node: one port, picked here, for every process (replacements too).
  const env = serverKind() === 'node' ? {} : { [CLUSTER_PORT_VARIABLE]: String(await freePort()) };
  const fork = (): void => {
    const worker = cluster.fork(env);
    const forkedAt = performance.now();
    worker.on('message', (message: ServerMessage) => {
      if (message.type === 'listening') {
        startFailures = 0;
        startupSamplesMs.push(performance.now() - forkedAt);
        listening.add(worker);
        if (listening.size === spec.workers) settleReady.resolve(message.port);
      } else if (message.type === 'fatal') {
        settleReady.reject(new Error(message.message));
      } else {
        pending.get(worker)?.(message);
      }
    });
  };

  cluster.on('exit', (worker) => {
    const wasListening = listening.delete(worker);
    pending.get(worker)?.({ type: 'fatal', message: 'exited' });
    if (stopping) return;
    if (!wasListening && ++startFailures >= MAX_START_FAILURES) {
      settleReady.reject(new Error('cluster server processes keep dying before they listen'));
      return;
    }
    fork(); // a crashed server process is replaced; its connections were reset
  });

  /** Sends `message` to every listening process and collects their replies of type `reply`. */
  const gather = <T extends ServerMessage['type']>(message: HarnessMessage, reply: T): Promise<Reply<T>[]> => {
    const replies: Reply<T>[] = [];
    const targets = [...listening];
    return new Promise((resolve) => {
      let left = targets.length;
      const timer = setTimeout(() => {
        pending.clear();
        resolve(replies);
      }, GATHER_TIMEOUT_MS);
      const settleOne = (worker: Worker, answer: ServerMessage): void => {
        if (!pending.delete(worker)) return;
        if (answer.type === reply) replies.push(answer as Reply<T>);
        if (--left === 0) {
          clearTimeout(timer);
          resolve(replies);
        }
      };
      for (const worker of targets) {
        pending.set(worker, (answer) => settleOne(worker, answer));
        worker.send(message);
      }
      if (left === 0) {
        clearTimeout(timer);
        resolve(replies);
      }
    });
  };

  for (let i = 0; i < spec.workers; i++) fork();
  const port = await ready;

  onParentMessage((message) => {
    if (message.type === 'measure-start') {
      void gather(message, 'measuring').then(() => sendToParent({ type: 'measuring' }));
    } else if (message.type === 'measure-stop') {
      void gather(message, 'stats')
        .then((replies) => {
          const merged = mergeServerStats(replies.map((r) => r.stats));
          sendToParent({ type: 'stats', stats: { ...merged, startupSamplesMs: [...startupSamplesMs] } });
        })
        .catch((error: unknown) => sendToParent({ type: 'fatal', message: String(error) }));
    } else {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.send(message);
      // The processes close their servers and exit; the harness kills the group if one does not.
      cluster.disconnect(() => process.exit(0));
    }
  });
  sendToParent({ type: 'listening', port });
}
