/** The resident memory of a process tree (Linux /proc): what the RSS watchdog and peak-RSS figures read. */
import { processTree, readOrEmpty } from '../common/process-tree.js';

const PAGE_BYTES = 4096;

/** Resident set of one process (all its threads), bytes; 0 once it is gone. */
function rssOf(pid: number): number {
  const resident = Number(readOrEmpty(`/proc/${pid}/statm`).split(' ')[1]);
  return Number.isFinite(resident) ? resident * PAGE_BYTES : 0;
}

export interface TreeUsage {
  /** Resident bytes of them all. */
  bytes: number;
  /** How many processes hold them (those gone meanwhile left out). */
  processes: number;
}

/** Current RSS of a process plus all its descendants, less those in `exclude`, and how many they are. */
export function processTreeUsage(root: number, exclude: ReadonlySet<number> = new Set()): TreeUsage {
  let bytes = 0;
  let processes = 0;
  for (const pid of processTree(root)) {
    if (exclude.has(pid)) continue;
    const rss = rssOf(pid);
    if (rss === 0) continue;
    bytes += rss;
    processes++;
  }
  return { bytes, processes };
}

/** Current RSS of a process plus all its descendants, less those in `exclude`. */
export function processTreeRss(root: number, exclude: ReadonlySet<number> = new Set()): number {
  return processTreeUsage(root, exclude).bytes;
}
