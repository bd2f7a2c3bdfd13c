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

/** Current RSS of a process plus all its descendants, less those in `exclude`. */
export function processTreeRss(root: number, exclude: ReadonlySet<number> = new Set()): number {
  return processTree(root).reduce((total, pid) => total + (exclude.has(pid) ? 0 : rssOf(pid)), 0);
}
