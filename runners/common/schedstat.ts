/**
 * Per-thread CPU accounting from Linux's scheduler statistics: for every thread of a process,
 * `/proc/<pid>/task/<tid>/schedstat` holds three numbers — nanoseconds on a CPU, nanoseconds
 * runnable but waiting for one (the run queue), and time slices. The waiting time is what
 * other load on the machine took from the thread: a busy neighbour shows up there, not as a
 * slower task. Readable from any runtime that can read files (Node, Bun, Deno alike).
 *
 * Where the files do not exist (macOS, Windows, a kernel without schedstats, a process that
 * has already exited) the reading is `null` with the reason, never a guess.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One thread's counters, cumulative since it started. */
export interface ThreadSchedstat {
  onCpuNs: number;
  waitingNs: number;
  slices: number;
}

/** A process's threads by thread id, or why there are none to read. */
export type SchedstatReading = { threads: Map<number, ThreadSchedstat> } | { threads: null; reason: string };

/** `"123 456 7\n"` → the counters, or undefined when the line is not three whole numbers. */
export function parseSchedstat(text: string): ThreadSchedstat | undefined {
  const fields = text.trim().split(/\s+/);
  if (fields.length < 3) return undefined;
  const [onCpuNs, waitingNs, slices] = fields.map(Number);
  if (![onCpuNs, waitingNs, slices].every((value) => Number.isSafeInteger(value) && value! >= 0)) return undefined;
  return { onCpuNs: onCpuNs!, waitingNs: waitingNs!, slices: slices! };
}

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

/** Every thread of `pid` now. `procRoot`: where procfs is mounted (a test passes a folder of its own). */
export function readProcessSchedstat(pid: number, procRoot = '/proc'): SchedstatReading {
  const taskDir = join(procRoot, String(pid), 'task');
  let tids: string[];
  try {
    tids = readdirSync(taskDir);
  } catch (error) {
    return { threads: null, reason: `${taskDir} cannot be read (${codeOf(error)}): per-thread CPU accounting needs Linux's /proc` };
  }
  const threads = new Map<number, ThreadSchedstat>();
  for (const tid of tids) {
    let text: string;
    try {
      text = readFileSync(join(taskDir, tid, 'schedstat'), 'utf8');
    } catch (error) {
      // A thread that ended between the listing and the read is simply gone; a missing file
      // on a live thread means the kernel keeps no schedstats at all.
      if (codeOf(error) === 'ENOENT' && threads.size > 0) continue;
      return {
        threads: null,
        reason: `${join(taskDir, tid, 'schedstat')} cannot be read (${codeOf(error)}): the kernel keeps no scheduler statistics`,
      };
    }
    const counters = parseSchedstat(text);
    if (counters === undefined)
      return { threads: null, reason: `${join(taskDir, tid, 'schedstat')} is not "<on-cpu ns> <waiting ns> <slices>"` };
    threads.set(Number(tid), counters);
  }
  if (threads.size === 0) return { threads: null, reason: `${taskDir} lists no threads: the process has exited` };
  return { threads };
}

/** What a set of threads did between two readings: summed over the threads seen in both, or born since. */
export interface SchedstatDelta {
  onCpuNs: number;
  waitingNs: number;
  threads: number;
}

export function schedstatDelta(before: Map<number, ThreadSchedstat>, after: Map<number, ThreadSchedstat>): SchedstatDelta {
  let onCpuNs = 0;
  let waitingNs = 0;
  for (const [tid, now] of after) {
    // A thread born after the first reading counts from zero: all it did, it did in between.
    const then = before.get(tid) ?? { onCpuNs: 0, waitingNs: 0, slices: 0 };
    onCpuNs += Math.max(0, now.onCpuNs - then.onCpuNs);
    waitingNs += Math.max(0, now.waitingNs - then.waitingNs);
  }
  return { onCpuNs, waitingNs, threads: after.size };
}

/**
 * Of the time the threads wanted a CPU (on one, or runnable and waiting), the share they spent
 * waiting. It counts waiting behind the strategy's own threads too (a pool as wide as the cores
 * plus its dispatcher). Null when the threads wanted no CPU.
 */
export function waitingShareOf(delta: SchedstatDelta): number | null {
  const wanted = delta.onCpuNs + delta.waitingNs;
  return wanted > 0 ? delta.waitingNs / wanted : null;
}

/**
 * Interference: the share of the time the strategy's threads wanted a CPU that other programs
 * held it. A millisecond another program spent on a CPU kept at most one waiting thread off it,
 * so the waiting others caused is at most both their CPU time (`foreignCpuMs`, the machine's
 * busy time less ours) and the threads' waiting: min(waiting, foreign) ÷ (on CPU + waiting).
 * 0 on an idle machine whatever the strategy's own contention (a pool as wide as the cores
 * waits for its own threads); 0.5 for a 2-thread pool on 2 cores beside one busy program.
 * Null when the threads wanted no CPU.
 *
 * `treeOnCpuMs`: the tree's CPU time from process times, which keep what threads and task
 * processes that ended before the second reading used; schedstat lost those threads with them.
 * A per-task strategy's living threads hold a sixth of its CPU time, so judged on them alone a
 * quiet machine's stray 30 ms (three clock ticks) read as 6–9 % interference and half its
 * rounds were redone. The ended threads' waiting is taken to be at the living threads' rate.
 */
export function interferenceOf(delta: SchedstatDelta, foreignCpuMs: number, treeOnCpuMs?: number): number | null {
  const onCpuNs = Math.max(delta.onCpuNs, (treeOnCpuMs ?? 0) * 1e6);
  const waitingNs = delta.onCpuNs > 0 ? delta.waitingNs * (onCpuNs / delta.onCpuNs) : delta.waitingNs;
  const wanted = onCpuNs + waitingNs;
  if (!(wanted > 0)) return null;
  return Math.min(waitingNs, Math.max(0, foreignCpuMs) * 1e6) / wanted;
}
