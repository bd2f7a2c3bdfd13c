/**
 * The CLI's bound on a cell's memory, the same on every runtime. Node and Deno stop a heap at
 * --max-heap themselves (--max-old-space-size, resourceLimits); Bun has no such limit at all
 * (1.4.5: --max-old-space-size, --smol, BUN_JSC_forceRAMSize and BUN_JSC_gcMaxHeapSize all
 * left a suite that allocates without bound growing past 3 GiB in seconds), so without this a
 * Bun cell takes the machine's memory. spawn-cell.ts feeds it the RSS of the cell's whole
 * process tree at each sample; past the cell's budget it ends the cell and says why.
 */
import type { TreeUsage } from './process-tree-rss.js';
import { outOfMemoryCause } from '../common/stderr-cause.js';

const MIB = 2 ** 20;

/**
 * What each host (the cell's main thread, each worker thread or child process) may hold
 * beyond its --max-heap: the runtime itself (a healthy two-worker pool cell holds 50–160 MiB
 * in all, measured on Node, Bun and Deno), V8's young generation and code, which
 * --max-old-space-size leaves out, and the off-heap buffers typed arrays live in. Per host,
 * not per cell: each is a whole runtime instance with a heap of its own. A heap that runs out
 * under a V8 limit ends its host well inside this, so on Node and Deno the watchdog is only
 * the backstop for memory off the heap.
 */
export const HOST_ALLOWANCE_MIB = 256;

export interface MemoryBudget {
  heapMb: number;
  /** The cell's workers or children; with the cell's own main thread, the hosts counted. */
  workers: number;
  bytes: number;
}

/** The most a cell with `workers` workers or children may hold in all, at --max-heap `heapMb`. */
export function memoryBudget(heapMb: number, workers: number): MemoryBudget {
  return { heapMb, workers, bytes: (workers + 1) * (heapMb + HOST_ALLOWANCE_MIB) * MIB };
}

const mib = (bytes: number): number => Math.round(bytes / MIB);

/** Why a cell the watchdog ended errored: the limit, what it reached, the budget's sum and the fix. */
export function overBudgetReason(budget: MemoryBudget, peak: TreeUsage): string {
  const { heapMb, workers, bytes } = budget;
  const what = `peak RSS ${mib(peak.bytes)} MiB across ${peak.processes} process${peak.processes === 1 ? '' : 'es'}, over the budget of ${workers + 1} × (${heapMb} + ${HOST_ALLOWANCE_MIB}) = ${mib(bytes)} MiB for the cell and its ${workers} worker${workers === 1 ? '' : 's'}`;
  return `cell process was ended by bench: ${outOfMemoryCause(what, heapMb)}`;
}

/** Watches one cell's samples; `tripped` once a sample passed the budget. */
export class RssWatchdog {
  private peak: TreeUsage | undefined;

  constructor(readonly budget: MemoryBudget) {}

  /** One sample of the cell's tree; true the first time it is past the budget: the caller ends the cell. */
  exceeded(usage: TreeUsage): boolean {
    if (this.peak !== undefined || usage.bytes <= this.budget.bytes) return false;
    this.peak = usage;
    return true;
  }

  get tripped(): boolean {
    return this.peak !== undefined;
  }

  /** The cell's error, once it tripped. */
  get reason(): string | undefined {
    return this.peak === undefined ? undefined : overBudgetReason(this.budget, this.peak);
  }
}
