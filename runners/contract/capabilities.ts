/** What a runtime can do, as the probe finds it; what each strategy needs is in strategies.ts. */
import { type PeerPackage, strategyFacts, TRANSPORT_FACTS, isTransportName } from './strategies.js';

export const CAPABILITIES = {
  workerThreads: 'node:worker_threads Worker',
  webWorker: 'global Web Worker (Bun: with workerData and smol)',
  transfer: 'postMessage transfer lists (ArrayBuffer detached on send)',
  sharedMemory: 'SharedArrayBuffer + Atomics.wait inside a worker',
  receiveMessageOnPort: 'receiveMessageOnPort (synchronous port read)',
  forkIpc: 'child_process.fork with an IPC channel',
  forkAdvanced: "child_process.fork with serialization: 'advanced' (a typed array arrives as itself)",
  cluster: 'node:cluster fork',
  resourceLimits: 'Worker resourceLimits honoured',
  eventLoopHistogram: 'perf_hooks.monitorEventLoopDelay',
} as const;

export type Capability = keyof typeof CAPABILITIES;
export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

export interface RuntimeProbe {
  runtime: string;
  version: string;
  path: string;
  capabilities: Record<Capability, boolean>;
  /** Why a capability is missing, when the probe saw an error. */
  failures: Partial<Record<Capability, string>>;
  /** Spawn → first message of a worker running the fib suite, median of three, per thread API. */
  workerStartMs: { worker_threads?: number; web?: number };
  /** The faster working thread API: what the cells use. */
  threadApi: 'worker_threads' | 'web';
  forkStartMs?: number;
  /**
   * What monitorEventLoopDelay reads on an idle loop at 1 ms resolution, to subtract from
   * every reading: 1 where it records the whole timer interval (Node), 0 where it records
   * only the lateness (Bun). Absent where the histogram does not work.
   */
  eventLoopFloorMs?: number;
  /** Per peer package: whether it started a pool and returned a verified output here, else its error. */
  peers?: Partial<Record<PeerPackage, PeerCheck>>;
}

export type PeerCheck = { ok: true } | { ok: false; error: string };

/**
 * Why `strategy` cannot run on the probed runtime with `transport` (absent: its default),
 * or undefined when it can.
 */
export function unsupportedReason(probe: RuntimeProbe, strategy: string, transport?: string): string | undefined {
  const facts = strategyFacts(strategy);
  const carried = transport ?? facts?.transports[0];
  const carriedNeeds = carried !== undefined && isTransportName(carried) ? TRANSPORT_FACTS[carried].needs : [];
  const needs = [...new Set([...(facts?.needs ?? []), ...carriedNeeds])];
  const threads = facts?.kind === 'thread';
  // A probe recorded before a capability existed lacks its key: that reads as missing.
  const missing = [
    ...(threads && !probe.capabilities.workerThreads && !probe.capabilities.webWorker ? ['workerThreads' as const] : []),
    ...needs.filter((need) => probe.capabilities[need] !== true),
  ];
  if (missing.length === 0) {
    const peer = facts?.peer;
    const check = peer === undefined ? undefined : probe.peers?.[peer];
    return check?.ok === false ? `${peer} does not run on ${probe.runtime} ${probe.version}: ${check.error}` : undefined;
  }
  const details = missing.map((need) => `${CAPABILITIES[need]}${probe.failures[need] ? ` (${probe.failures[need]})` : ''}`);
  return `${probe.runtime} ${probe.version} lacks ${details.join('; ')}`;
}
