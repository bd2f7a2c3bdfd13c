/**
 * A process and its descendants as Linux's /proc shows them: the walk that the RSS sampler,
 * the foreign-CPU meter, the reaper and the cell's own CPU accounting share. Off Linux every
 * read is empty and a tree is its root alone.
 */
import { readFileSync, readdirSync } from 'node:fs';

export function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export const canSampleProcessTree = (): boolean => process.platform === 'linux';

/** Direct children of a process, from every thread's /proc children list (Linux). */
export function childrenOf(pid: number): number[] {
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return threads.flatMap((tid) => readOrEmpty(`/proc/${pid}/task/${tid}/children`).split(/\s+/).filter(Boolean).map(Number));
}

/** A process and all its descendants, alive now. */
export function processTree(root: number): number[] {
  const pending = [root];
  const seen = new Set<number>();
  while (pending.length > 0) {
    const pid = pending.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    pending.push(...childrenOf(pid));
  }
  return [...seen];
}

/** Kernel clock ticks per second (USER_HZ): 100 on every Linux build that matters here. */
export const TICKS_PER_SECOND = 100;

/** CPU ticks of one process (every thread it ever had, user + system) and of the children it has reaped; zeros once it is gone. */
export function processCpuTicks(pid: number): { own: number; reaped: number } {
  // Fields after the command name, which may itself hold spaces and parentheses.
  const stat = readOrEmpty(`/proc/${pid}/stat`);
  const [utime, stime, cutime, cstime] = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .slice(11, 15)
    .map(Number);
  return { own: (utime || 0) + (stime || 0), reaped: (cutime || 0) + (cstime || 0) };
}

/** Ticks the whole machine spent busy: user, nice, system, irq, softirq and steal (a hypervisor's other guests). */
export function machineBusyTicks(): number {
  const fields = readOrEmpty('/proc/stat').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return user + nice + system + irq + softirq + steal;
}
