/**
 * Makes the supervising shell a child subreaper (Linux's PR_SET_CHILD_SUBREAPER) where no
 * cgroup holds its tree: a process below it whose parent dies is then reparented to the shell,
 * not to init, so everything the tree ever started and that still lives stays below the shell
 * — a double fork into a new session with a cleared environment included — for the shell to
 * list when its process ends, and for its watcher to kill if the CLI dies.
 *
 * Node cannot call prctl. Perl can, with its `syscall` builtin, and then exec the shell (the
 * flag survives exec); Debian and Ubuntu always have it (perl-base is essential). Where there
 * is no perl, or a CPU whose syscall number is not listed here, the shell runs without the
 * flag and the CLI's walk of the tree (descendant-tracker.ts) is what remains.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Launch } from '../runtimes/launch.js';

/** prctl's syscall number by process.arch (x86-64's table, and the generic one arm64 and riscv64 share). */
const PRCTL: Partial<Record<string, number>> = { x64: 157, arm64: 167, riscv64: 167 };
const PR_SET_CHILD_SUBREAPER = 36;
// A failed prctl leaves the shell as it was (the fallback still runs); a failed exec is one clear line.
const script = (prctl: number): string =>
  `syscall(${prctl}, ${PR_SET_CHILD_SUBREAPER}, 1, 0, 0, 0); exec { $ARGV[0] } @ARGV or die "bench: could not start $ARGV[0]: $!\\n"`;

let perl: string | null | undefined;

function findPerl(): string | null {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(delimiter)) {
    const path = join(dir, 'perl');
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return null;
}

/** `launch` started as a child subreaper, or undefined where that cannot be done here. */
export function asSubreaper(launch: Launch): Launch | undefined {
  const prctl = PRCTL[process.arch];
  if (process.platform !== 'linux' || prctl === undefined) return undefined;
  perl ??= findPerl();
  if (perl === null) return undefined;
  return { command: perl, args: ['-e', script(prctl), launch.command, ...launch.args] };
}

/** Whether supervising shells here are subreapers (for tests that need one). */
export const subreaperAvailable = (): boolean => asSubreaper({ command: 'true', args: [] }) !== undefined;
