import { readFileSync, readdirSync } from 'node:fs';

const PAGE_BYTES = 4096;

export function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

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

/** Resident set of one process (all its threads), bytes; 0 once it is gone. */
function rssOf(pid: number): number {
  const resident = Number(readOrEmpty(`/proc/${pid}/statm`).split(' ')[1]);
  return Number.isFinite(resident) ? resident * PAGE_BYTES : 0;
}

export const canSampleProcessTree = (): boolean => process.platform === 'linux';

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
