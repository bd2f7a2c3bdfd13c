/**
 * A cgroup (v2) of its own for each supervised process tree — a cell, the HTTP server, a base
 * build — wherever the CLI may write its own cgroup (root, most containers, a systemd user
 * slice with delegation). A process cannot leave its cgroup by forking, a new session, a
 * cleared environment or a double fork (only a write to another cgroup.procs moves it), so
 * `cgroup.kill` ends the whole tree whatever it did. Where there is none, the supervisor falls
 * back to the token, the process group and the ancestry it watches (descendant-tracker.ts).
 *
 * Each is `bench-<CLI pid>-<token>` inside the CLI's own cgroup: a run killed before it could
 * remove its own leaves them named by its PID, and the next run ends what is left in them and
 * removes them (run-leftovers.ts). BENCH_NO_CGROUP=1 turns them off: the fallback's tests, or
 * a machine where moving a process fails.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const NO_CGROUP_VARIABLE = 'BENCH_NO_CGROUP';
const NAME = /^bench-(\d+)-[0-9a-z]+$/;
/** How long a reap waits for killed members to finish exiting before it leaves the folder to a later try. */
const EMPTY_WAIT_MS = 200;
const RETRY_MS = 50;
const RETRIES = 40;

const readOrEmpty = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** mountinfo writes a space in a path as \040. */
const unescapeMount = (path: string): string =>
  path.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));

/** The CLI's own cgroup folder in the unified hierarchy, if it may create folders there. */
function ownCgroupDir(): string | null {
  if (process.platform !== 'linux' || process.env[NO_CGROUP_VARIABLE]) return null;
  // "0::/path" is the unified hierarchy's line; the v1 hierarchies' lines name controllers.
  const path = readOrEmpty('/proc/self/cgroup')
    .split('\n')
    .find((line) => line.startsWith('0::'))
    ?.slice(3);
  if (path === undefined || path === '') return null;
  for (const line of readOrEmpty('/proc/self/mountinfo').split('\n')) {
    // "id parent major:minor root mount-point options … - fstype source super-options"
    const [left, right] = line.split(' - ');
    if (left === undefined || right?.split(' ')[0] !== 'cgroup2') continue;
    const fields = left.split(' ');
    const root = unescapeMount(fields[3] ?? '');
    const mount = unescapeMount(fields[4] ?? '');
    const inside = root === '/' ? path : path === root || path.startsWith(`${root}/`) ? path.slice(root.length) : null;
    if (inside === null || mount === '') continue;
    const dir = join(mount, inside);
    try {
      accessSync(join(dir, 'cgroup.procs'), constants.W_OK);
      accessSync(dir, constants.W_OK);
      return dir;
    } catch {
      return null;
    }
  }
  return null;
}

let parent: string | null | undefined;

/**
 * A new cgroup for one supervised tree, or undefined where none can be made. Before the first,
 * a throwaway shell is moved into a probe cgroup: a folder that can be made but not entered (a
 * cgroup with controllers of its own, a read-only delegation) turns cgroups off for the run.
 */
export function createCgroup(token: string): string | undefined {
  if (parent === undefined) {
    parent = ownCgroupDir();
    if (parent !== null && !canEnter(parent)) parent = null;
  }
  if (parent === null) return undefined;
  const dir = join(parent, `bench-${process.pid}-${token}`);
  try {
    mkdirSync(dir);
  } catch {
    return undefined;
  }
  if (!exitHook) {
    exitHook = true;
    process.on('exit', endMade);
  }
  made.add(dir);
  return dir;
}

/** This CLI's cgroups not yet removed. */
const made = new Set<string>();
let exitHook = false;

/**
 * At exit, however the CLI leaves (an error, an interrupt that did not wait for its cells):
 * what is still in its cgroups is ended, and the emptied ones removed.
 */
function endMade(): void {
  for (const dir of made) {
    killCgroup(dir);
    waitEmpty(dir);
    tryRemove(dir);
  }
}

function canEnter(dir: string): boolean {
  const probe = join(dir, `bench-${process.pid}-probe`);
  try {
    mkdirSync(probe);
  } catch {
    return false;
  }
  const moved = spawnSync('/bin/sh', ['-c', 'echo $$ >"$1"', 'bench-cgroup-probe', join(probe, 'cgroup.procs')], { stdio: 'ignore' });
  removeWhenEmpty(probe);
  return moved.status === 0;
}

/** Whether supervised trees get a cgroup in this process (for tests that need one). */
export function cgroupsAvailable(): boolean {
  const dir = createCgroup('0');
  if (dir === undefined) return false;
  removeWhenEmpty(dir);
  return true;
}

/** The PIDs in the cgroup now (zombies are not listed). */
export function cgroupMembers(dir: string): number[] {
  return readOrEmpty(join(dir, 'cgroup.procs')).split('\n').filter(Boolean).map(Number);
}

/** Ends every process in the cgroup: at once with cgroup.kill (Linux 5.14), one by one before it. */
export function killCgroup(dir: string): void {
  try {
    writeFileSync(join(dir, 'cgroup.kill'), '1');
    return;
  } catch {
    // No cgroup.kill: each member is killed, again until none is left (one may fork between reads).
  }
  for (let sweep = 0; sweep < 20; sweep++) {
    const members = cgroupMembers(dir);
    if (members.length === 0) return;
    for (const pid of members) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // ESRCH: gone meanwhile.
      }
    }
  }
}

const tryRemove = (dir: string): boolean => {
  try {
    rmdirSync(dir);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
};

/**
 * Killed processes take a moment to leave their cgroup: a short synchronous wait, on which
 * the reap's count and the next round's clean machine depend.
 */
function waitEmpty(dir: string): void {
  const deadline = performance.now() + EMPTY_WAIT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (cgroupMembers(dir).length > 0 && performance.now() < deadline) Atomics.wait(pause, 0, 0, 2);
}

/**
 * Removes the cgroup once its members have exited: after a short wait, retries off the
 * critical path, then one more at exit; what still fails is the next run's to remove.
 */
export function removeWhenEmpty(dir: string): void {
  waitEmpty(dir);
  let tries = 0;
  const retry = (): void => {
    if (tryRemove(dir)) made.delete(dir);
    else if (++tries < RETRIES) setTimeout(retry, RETRY_MS).unref();
  };
  retry();
}

/**
 * Ends what runs in the cgroups of runs whose CLI is gone (`isAlive` says whose is not) and
 * removes them; returns how many processes were killed.
 */
export function sweepDeadCgroups(isAlive: (pid: number) => boolean): number {
  const root = parent === undefined ? ownCgroupDir() : parent;
  if (root === null) return 0;
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return 0;
  }
  let killed = 0;
  for (const name of entries) {
    const match = NAME.exec(name);
    if (!match || Number(match[1]) === process.pid || isAlive(Number(match[1]))) continue;
    const dir = join(root, name);
    killed += cgroupMembers(dir).length;
    killCgroup(dir);
    removeWhenEmpty(dir);
  }
  return killed;
}
