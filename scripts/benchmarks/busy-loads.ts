/**
 * The background load of scripts/benchmarks/busy-machine.ts: busy loops as processes of their
 * own, at a nice level, each in a session (and so a Linux autogroup) of its own unless asked
 * to share the benchmark's; and what the kernel says about autogroups. Every loop started is
 * in `live` until stopped, so the benchmark can kill what is left on any way out.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface Load {
  child: ChildProcess;
  /** Started with setsid: the loop leads its own process group, killed as one. */
  ownGroup: boolean;
  /** Why it could not start (no `nice` on PATH, …). */
  failed?: Error;
}

export const live = new Set<Load>();

export function startLoads(loops: number, nice: number, sameSession: boolean): Load[] {
  return Array.from({ length: loops }, () => {
    // `nice` and sh's built-in loop exec and fork nothing: the pid is the spinning process.
    const child = spawn('nice', ['-n', String(nice), 'sh', '-c', 'while :; do :; done'], {
      stdio: 'ignore',
      // detached: setsid(2) in the child, a new session and so a new autogroup.
      detached: !sameSession,
    });
    const load: Load = { child, ownGroup: !sameSession };
    child.on('error', (error) => {
      load.failed = error;
    });
    live.add(load);
    return load;
  });
}

/** Still spinning: started, and neither exited nor killed. */
export const spinning = (load: Load): boolean =>
  load.failed === undefined && load.child.pid !== undefined && load.child.exitCode === null && load.child.signalCode === null;

export function stopLoads(loads: Iterable<Load>): void {
  for (const load of [...loads]) {
    const pid = load.child.pid;
    if (pid !== undefined && spinning(load)) {
      try {
        process.kill(load.ownGroup ? -pid : pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    live.delete(load);
  }
}

export const autogroupOf = (pid: number | 'self'): string => {
  try {
    return readFileSync(`/proc/${pid}/autogroup`, 'utf8').trim();
  } catch {
    return 'unknown';
  }
};

export function autogroupSetting(): string {
  const file = '/proc/sys/kernel/sched_autogroup_enabled';
  if (!existsSync(file)) return 'no autogroup here (not Linux, or a kernel without it)';
  return readFileSync(file, 'utf8').trim() === '1' ? 'autogroup on' : 'autogroup off';
}
