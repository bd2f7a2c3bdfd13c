/**
 * How much CPU processes outside ours took while we measured (Linux /proc). On a small
 * machine another program's load skews every figure; a strategy measured while another
 * benchmark ran must say so rather than pass for a slow strategy.
 */
import os from 'node:os';
import { canSampleProcessTree, machineBusyTicks, processCpuTicks, processTree, TICKS_PER_SECOND } from '../common/process-tree.js';

/** Above this share of the CPU taken by others, a cell's figures are not comparable with its neighbours'. */
export const MAX_FOREIGN_CPU_SHARE = 0.05;

/**
 * CPU ticks of a process tree: each live process's own plus those of its children it has
 * reaped, so a cell process or a forked task that exits during the window still counts as ours.
 */
function treeTicks(root: number): number {
  return processTree(root).reduce((total, pid) => {
    const { own, reaped } = processCpuTicks(pid);
    return total + own + reaped;
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
