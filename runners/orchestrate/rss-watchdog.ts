/**
 * The CLI's bound on the memory of every process it starts to run suite code — a cell, the
 * HTTP benchmark server, the suite probe — the same on every runtime. Node and Deno stop a heap
 * at --max-heap themselves (--max-old-space-size, resourceLimits), but not the memory typed
 * arrays live in, off the heap; Bun has no such limit at all (1.4.5: --max-old-space-size,
 * --smol, BUN_JSC_forceRAMSize and BUN_JSC_gcMaxHeapSize all left a suite that allocates
 * without bound growing past 3 GiB in seconds), so without this such a process takes the
 * machine's memory. `sampleTree` reads the RSS of the process's whole tree at each sample;
 * past the budget it ends the process, and the watchdog says why.
 */
import { canSampleProcessTree } from '../common/process-tree.js';
import { outOfMemoryCause } from '../common/stderr-cause.js';
import { processTreeUsage, type TreeUsage } from './process-tree-rss.js';

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

/** What the watchdog watches, as its reason names it. */
export type WatchedProcess = 'cell' | 'server' | 'suite probe';

export interface MemoryBudget {
  heapMb: number;
  /** The process's workers or children; with its own main thread, the hosts counted. */
  workers: number;
  bytes: number;
  what: WatchedProcess;
}

/** The most a process with `workers` workers or children may hold in all, at --max-heap `heapMb`. */
export function memoryBudget(heapMb: number, workers: number, what: WatchedProcess = 'cell'): MemoryBudget {
  return { heapMb, workers, bytes: (workers + 1) * (heapMb + HOST_ALLOWANCE_MIB) * MIB, what };
}

const mib = (bytes: number): number => Math.round(bytes / MIB);
const plural = (count: number, word: string, suffix = 's'): string => `${count} ${word}${count === 1 ? '' : suffix}`;

/** Why a process the watchdog ended failed: the limit, what it reached, the budget's sum and the fix. */
export function overBudgetReason(budget: MemoryBudget, peak: TreeUsage): string {
  const { heapMb, workers, bytes, what } = budget;
  // The suite probe has no workers of its own: "and its 0 workers" would only puzzle.
  const hosts = workers === 0 ? `the ${what}` : `the ${what} and its ${plural(workers, 'worker')}`;
  const words = `peak RSS ${mib(peak.bytes)} MiB across ${plural(peak.processes, 'process', 'es')}, over the budget of ${workers + 1} × (${heapMb} + ${HOST_ALLOWANCE_MIB}) = ${mib(bytes)} MiB for ${hosts}`;
  return `${what} process was ended by bench: ${outOfMemoryCause(words, heapMb)}`;
}

/** Watches one process's samples; `tripped` once a sample passed the budget. */
export class RssWatchdog {
  private peak: TreeUsage | undefined;

  constructor(readonly budget: MemoryBudget) {}

  /** One sample of the process's tree; true the first time it is past the budget: the caller ends the process. */
  exceeded(usage: TreeUsage): boolean {
    if (this.peak !== undefined || usage.bytes <= this.budget.bytes) return false;
    this.peak = usage;
    return true;
  }

  get tripped(): boolean {
    return this.peak !== undefined;
  }

  /** The process's error, once it tripped. */
  get reason(): string | undefined {
    return this.peak === undefined ? undefined : overBudgetReason(this.budget, this.peak);
  }
}

/**
 * Often enough to catch a forked child's peak, rarely enough to cost nothing measurable; and
 * the watchdog's pace: a Bun child that allocates without bound gains ~1.5 GiB a second, so it
 * passes its budget by ~80 MiB at most before it is ended.
 */
const RSS_SAMPLE_MS = 50;

export interface TreeSampler {
  /** The highest RSS of the tree seen so far, bytes. */
  peak(): number;
  stop(): void;
}

/**
 * Samples the RSS of `pid`'s tree (less `exclude()`: the supervising shell and its watcher)
 * until stopped: its peak, and, with a watchdog, `end()` once the tree passes the budget.
 * Cells (spawn-cell.ts), the HTTP server (http/harness/server-process.ts) and the suite probe
 * (suite-facts.ts) all go through here. Off Linux nothing is read: no peak, no watchdog.
 */
export function sampleTree(
  pid: number,
  exclude: () => ReadonlySet<number>,
  watchdog: RssWatchdog | undefined,
  end: () => void,
): TreeSampler {
  let peak = 0;
  const timer = canSampleProcessTree()
    ? setInterval(() => {
        const usage = processTreeUsage(pid, exclude());
        peak = Math.max(peak, usage.bytes);
        if (watchdog?.exceeded(usage)) end();
      }, RSS_SAMPLE_MS)
    : undefined;
  return { peak: () => peak, stop: () => clearInterval(timer) };
}
