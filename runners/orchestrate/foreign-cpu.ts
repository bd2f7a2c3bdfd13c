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

/** Above this share of the CPU taken by others, a cell's figures are not comparable with its neighbours'. */
export const MAX_FOREIGN_CPU_SHARE = 0.05;

/**
 * CPU ticks of a process tree: each live process's own (user + system, all threads) plus
 * those of its children it has reaped (cutime + cstime), so a cell process or a forked
 * task that exits during the window still counts as ours.
 */
function treeTicks(root: number): number {
  return processTree(root).reduce((total, pid) => {
    // Fields after the command name, which may itself hold spaces and parentheses.
    const stat = readOrEmpty(`/proc/${pid}/stat`);
    const [utime, stime, cutime, cstime] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(11, 15)
      .map(Number);
    return total + (utime || 0) + (stime || 0) + (cutime || 0) + (cstime || 0);
  }, 0);
}

export interface ForeignCpuMeter {
  /** Share (0–1, four decimals) of the machine's CPU capacity that others used since the start; null off Linux. */
  stop(): number | null;
}

/**
 * Starts counting. `root` is the top of our own processes (the harness, and below it a
 * cell process or a server with its workers and children). A process of ours that exits
 * counts as ours once its parent has reaped it; only an orphan (re-parented away from our
 * tree) takes its ticks along and reads as foreign.
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
      // Four decimals, as stored in results files: 0.01 % is far below anything the warning reads.
      return capacity > 0 ? Math.round(Math.min(1, Math.max(0, foreign / capacity)) * 1e4) / 1e4 : null;
    },
  };
}
