/**
 * How much CPU processes outside ours took while we measured (Linux /proc). On a small
 * machine another program's load skews every figure; a strategy measured while another
 * benchmark ran must say so rather than pass for a slow strategy.
 */
import os from 'node:os';
import { canSampleProcessTree, processTree, readOrEmpty } from './process-tree-rss.js';

/** Kernel clock ticks per second (USER_HZ): 100 on every Linux build that matters here. */
const TICKS_PER_SECOND = 100;

/** Ticks the machine spent busy: user, nice, system, irq, softirq and steal (a hypervisor's other guests). */
function machineBusyTicks(): number {
  const fields = readOrEmpty('/proc/stat').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return user + nice + system + irq + softirq + steal;
}

/** CPU ticks (user + system) of a process tree's live processes, all their threads included. */
function treeTicks(root: number): number {
  return processTree(root).reduce((total, pid) => {
    // Fields after the command name, which may itself hold spaces and parentheses.
    const stat = readOrEmpty(`/proc/${pid}/stat`);
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return total + (Number(fields[11]) || 0) + (Number(fields[12]) || 0);
  }, 0);
}

export interface ForeignCpuMeter {
  /** Share (0–1) of the machine's CPU capacity that others used since the start; null off Linux. */
  stop(): number | null;
}

/**
 * Starts counting. `root` is the top of our own processes (the harness: the load
 * generator, and below it the server with its workers and children). A process of ours
 * that exits meanwhile takes its ticks along and counts as foreign: keep windows short of
 * exits (the server, its workers and children stay up through the window).
 */
export function startForeignCpuMeter(root = process.pid): ForeignCpuMeter {
  if (!canSampleProcessTree()) return { stop: () => null };
  const startedAt = performance.now();
  const busy = machineBusyTicks();
  const ours = treeTicks(root);
  return {
    stop() {
      const capacity = (os.cpus().length * TICKS_PER_SECOND * (performance.now() - startedAt)) / 1000;
      const foreign = machineBusyTicks() - busy - (treeTicks(root) - ours);
      return capacity > 0 ? Math.min(1, Math.max(0, foreign / capacity)) : null;
    },
  };
}
