/** The process table as tests see it (Linux /proc): who descends from whom, and who is still alive. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Every descendant of `pid` (children of all its threads, recursively). */
export function descendants(pid: number): number[] {
  const found: number[] = [];
  const pending = [pid];
  while (pending.length) {
    const current = pending.pop()!;
    const tasks = existsSync(`/proc/${current}/task`) ? readdirSync(`/proc/${current}/task`) : [];
    for (const tid of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${current}/task/${tid}/children`, 'utf8');
      } catch {
        /* gone */
      }
      for (const child of children.split(/\s+/).filter(Boolean).map(Number)) {
        found.push(child);
        pending.push(child);
      }
    }
  }
  return found;
}

/** Running or sleeping; a zombie waiting to be reaped counts as gone. */
export function alive(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}
