/**
 * The CPU accounting of a round's saturated batch (ROUND_CPU in round-schema.ts): how much CPU
 * the strategy's threads used, and how long they sat runnable while something else held the
 * CPU. Read inside the cell, around the batch alone, so spawning, warm-up and verification stay
 * out of it. The threads are the cell process's (dispatcher, workers, the runtime's own) and
 * those of every process below it (a pool's children).
 *
 * Waiting is not all interference: a pool with as many workers as cores, plus its dispatcher
 * and the runtime's own threads, waits for itself now and then (5–9 % of its wanted time on an
 * idle 2-core machine). Other programs' CPU time meanwhile is the machine's busy time less the
 * tree's (/proc/stat); the interference is the waiting up to that time (schedstat.ts).
 *
 * Two sources, each for what it does well: process CPU times (every thread a process ever had,
 * and task processes reaped meanwhile: what a per-task strategy leaves behind) for the cost;
 * per-thread schedstat (nanoseconds, and the only record of time spent waiting) for the
 * interference. Off Linux only the cell's own CPU time is known: the children's and the waiting
 * are null, with the reason.
 */
import { canSampleProcessTree, machineBusyTicks, processCpuTicks, processTree, TICKS_PER_SECOND } from '../common/process-tree.js';
import { interferenceOf, readProcessSchedstat, schedstatDelta, type ThreadSchedstat } from '../common/schedstat.js';
import { round4 } from '../common/samples.js';
import type { RoundCpu } from '../contract/results.js';

interface Reading {
  /** The cell process's own CPU time, µs (process.cpuUsage: every thread, those ended included). */
  selfMicros: number | null;
  /** Ticks of the descendants alive now (their own and what they reaped) and of the cell's reaped children. */
  treeTicks: number;
  /** The cell process's own ticks: with treeTicks, what the tree took of the machine's busy ticks. */
  selfTicks: number;
  /** The machine's busy ticks, every process's. */
  busyTicks: number;
  /** Every thread of the tree by thread id (thread ids are unique machine-wide), or why not. */
  threads: Map<number, ThreadSchedstat> | string;
}

function selfMicros(): number | null {
  try {
    const { user, system } = process.cpuUsage();
    return user + system;
  } catch {
    return null;
  }
}

function read(): Reading {
  const self = selfMicros();
  if (!canSampleProcessTree()) {
    return {
      selfMicros: self,
      treeTicks: 0,
      selfTicks: 0,
      busyTicks: 0,
      threads: `per-thread CPU accounting needs Linux's /proc (this is ${process.platform})`,
    };
  }
  const busyTicks = machineBusyTicks();
  const pids = processTree(process.pid);
  const selfTicks = processCpuTicks(process.pid);
  let treeTicks = selfTicks.reaped;
  const threads = new Map<number, ThreadSchedstat>();
  let problem: string | undefined;
  for (const pid of pids) {
    if (pid !== process.pid) {
      const { own, reaped } = processCpuTicks(pid);
      treeTicks += own + reaped;
    }
    const reading = readProcessSchedstat(pid);
    // A child that exited between the walk and the read has nothing left to count.
    if (reading.threads === null) {
      if (pid === process.pid) problem = reading.reason;
      continue;
    }
    for (const [tid, counters] of reading.threads) threads.set(tid, counters);
  }
  return { selfMicros: self, treeTicks, selfTicks: selfTicks.own, busyTicks, threads: problem ?? threads };
}

export interface CpuAccount {
  /** The batch is over: the figures for its `tasks` tasks. */
  stop(tasks: number): RoundCpu;
}

const ms = (value: number): number => round4(value);

export function startCpuAccount(): CpuAccount {
  const before = read();
  return {
    stop(tasks) {
      const after = read();
      const reasons: string[] = [];
      let onCpuMs: number | null = null;
      if (before.selfMicros !== null && after.selfMicros !== null) {
        onCpuMs = (after.selfMicros - before.selfMicros) / 1000 + ((after.treeTicks - before.treeTicks) * 1000) / TICKS_PER_SECOND;
      } else reasons.push('this runtime has no process.cpuUsage()');
      if (!canSampleProcessTree() && onCpuMs !== null) reasons.push('child processes are not counted off Linux');
      const tickMs = 1000 / TICKS_PER_SECOND;
      const foreignCpuMs = canSampleProcessTree()
        ? Math.max(
            0,
            (after.busyTicks - before.busyTicks - (after.treeTicks + after.selfTicks - before.treeTicks - before.selfTicks)) * tickMs,
          )
        : null;
      let threadOnCpuMs: number | null = null;
      let waitingMs: number | null = null;
      let threads: number | null = null;
      let interference: number | null = null;
      if (typeof before.threads === 'string' || typeof after.threads === 'string') {
        reasons.push(typeof before.threads === 'string' ? before.threads : (after.threads as string));
      } else {
        const delta = schedstatDelta(before.threads, after.threads);
        threadOnCpuMs = ms(delta.onCpuNs / 1e6);
        waitingMs = ms(delta.waitingNs / 1e6);
        threads = delta.threads;
        const share = foreignCpuMs === null ? null : interferenceOf(delta, foreignCpuMs, onCpuMs ?? undefined);
        interference = share === null ? null : round4(share);
      }
      return {
        onCpuMs: onCpuMs === null ? null : ms(Math.max(0, onCpuMs)),
        cpuMsPerTask: onCpuMs === null || tasks === 0 ? null : ms(Math.max(0, onCpuMs) / tasks),
        foreignCpuMs: foreignCpuMs === null ? null : ms(foreignCpuMs),
        threadOnCpuMs,
        waitingMs,
        threads,
        interference,
        ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
      };
    },
  };
}
