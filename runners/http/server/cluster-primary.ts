/**
 * The `cluster` strategy: node:cluster forks one single-threaded server process per
 * worker; they share one listening port on 127.0.0.1 (the primary accepts connections
 * and hands them out round-robin, Node's default on Linux). The primary speaks to the
 * harness like any server process, fans each request out to its processes, merges their
 * answers, and replaces a process that dies.
 */
import cluster, { type Worker } from 'node:cluster';
import { onParentMessage, sendToParent } from './ipc.js';
import type { HarnessMessage, ServerMessage, ServerSpec, ServerStats } from '../../contract/http-protocol.js';

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
  };
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

  const fork = (): void => {
    const worker = cluster.fork();
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
