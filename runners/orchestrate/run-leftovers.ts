/**
 * What a run that died without a word leaves behind — SIGKILL of the CLI, the OOM killer, a
 * crash of the runtime, a power cut — and the next run's one line about it.
 *
 * While a run writes `<out>/<run-id>.json` it keeps `<run-id>.json.running` beside it,
 * naming its PID; every way out of the CLI but a kill removes it. So the next run that
 * writes into the same directory can tell a results file that is incomplete because its
 * writer died (the marker stays, its PID gone) from one that was interrupted (Ctrl-C:
 * marked so in the file) or is being written now (PID alive). Scratch folders
 * (`bench-<kind>-<pid>-XXXXXX` in the temp directory) and half-written temp files
 * (`<file>.<pid>.<hex>.tmp`, write-atomic.ts) carry their writer's PID in their names, so
 * the stale ones can be removed without touching a run that is still going.
 *
 * Processes too: a dead run's cgroups (cgroup-scope.ts) are emptied and removed; a process
 * group a scratch folder records (a `--base` build: recordGroup) is killed if it still runs;
 * and a scratch folder holding a git worktree (`bench ab --base`) is unregistered from its
 * repository with `git worktree prune` once it is gone.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { sweepDeadCgroups } from './cgroup-scope.js';
import { statOf } from './proc-stat.js';

const MARKER_SUFFIX = '.running';
/** `bench-cells-1234-a1B2c3` (mkdtemp adds six characters). */
const SCRATCH_NAME = /^bench-[a-z-]+-(\d+)-[A-Za-z0-9]{6}$/;
/** `<file>.<pid>.<8 hex>.tmp`, as write-atomic.ts names them. */
const TEMP_NAME = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;
/** In a scratch folder: "PGID START" lines, the groups of processes it started (recordGroup). */
const GROUPS_FILE = 'process-groups';

interface Marker {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux): a reused PID is not the writer. */
  startTicks: number | null;
  hostname: string;
  startedAt: string;
}

/** The temp-directory prefix for a run's scratch folder of `kind` (e.g. 'cells'): it names this process. */
export const scratchPrefix = (kind: string): string => join(os.tmpdir(), `bench-${kind}-${process.pid}-`);

/** Field 22 of /proc/<pid>/stat, -1 for a zombie (it has died, whoever has yet to reap it), or null where there is no /proc. */
function startTicksOf(pid: number): number | null {
  const stat = statOf(pid);
  if (stat === undefined) return null;
  return stat.state === 'Z' ? -1 : stat.startTicks;
}

/**
 * Notes in `scratch` that the process group led by `pid` belongs to this run, so that a
 * next run finding the scratch folder of a dead run kills the group if it still runs.
 */
export function recordGroup(scratch: string, pid: number): void {
  appendFileSync(join(scratch, GROUPS_FILE), `${pid} ${startTicksOf(pid) ?? ''}\n`);
}

/** Kills the groups a dead run's scratch folder records; returns how many were still running. */
function killRecordedGroups(scratch: string): number {
  let killed = 0;
  for (const line of readOrEmpty(join(scratch, GROUPS_FILE)).split('\n')) {
    const [group, start] = line.split(' ').map(Number);
    if (group === undefined || !(group > 1)) continue;
    // A live leader that started at another time took a recycled PID: not that group. A dead
    // leader's group number is not given out again while any member lives.
    const leader = statOf(group);
    if (leader !== undefined && start !== undefined && Number.isFinite(start) && leader.startTicks !== start) continue;
    try {
      process.kill(-group, 'SIGKILL');
      killed++;
    } catch {
      // ESRCH: the group is gone.
    }
  }
  return killed;
}

/** The repository a linked git worktree in `scratch` (at any depth up to 2) is registered in. */
function worktreeRepository(scratch: string): string | undefined {
  for (const top of [scratch, ...entries(scratch).map((name) => join(scratch, name))]) {
    // A linked worktree's .git is a file: "gitdir: <repository>/.git/worktrees/<name>".
    const pointer = /^gitdir: (.+)$/m.exec(readOrEmpty(join(top, '.git')))?.[1]?.trim();
    if (pointer === undefined) continue;
    const admin = isAbsolute(pointer) ? pointer : resolve(top, pointer);
    const common = readOrEmpty(join(admin, 'commondir')).trim();
    return common === '' ? dirname(dirname(admin)) : resolve(admin, common);
  }
  return undefined;
}

const readOrEmpty = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** Whether `pid` is still the process that wrote a marker (or, without a start time, any process). */
function alive(pid: number, startTicks: number | null = null): boolean {
  try {
    process.kill(pid, 0);
  } catch (error: unknown) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const now = startTicksOf(pid);
  if (now === -1) return false;
  return startTicks === null || now === null || now === startTicks;
}

const markers = new Set<string>();
let exitHook = false;

/**
 * Marks `resultsPath` as being written by this process; returns the release, which
 * finish() calls. An exit of any kind but a kill releases it too.
 */
export function markRunning(resultsPath: string): () => void {
  const marker = `${resultsPath}${MARKER_SUFFIX}`;
  const content: Marker = {
    pid: process.pid,
    startTicks: startTicksOf(process.pid),
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  mkdirSync(dirname(marker), { recursive: true });
  writeFileSync(marker, `${JSON.stringify(content)}\n`);
  markers.add(marker);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const path of markers) rmSync(path, { force: true });
    });
  }
  return () => {
    markers.delete(marker);
    rmSync(marker, { force: true });
  };
}

/** Forgets the repository's worktrees whose folders are gone; false where git could not. */
function pruneWorktrees(repository: string): boolean {
  try {
    execFileSync('git', ['--git-dir', repository, 'worktree', 'prune'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const entries = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

function readMarker(path: string): Marker | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<Marker>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string') return undefined;
    return { pid: value.pid, startTicks: value.startTicks ?? null, hostname: value.hostname, startedAt: String(value.startedAt ?? '') };
  } catch {
    return undefined;
  }
}

const ownedByMe = (path: string): boolean => {
  try {
    return process.getuid === undefined || statSync(path).uid === process.getuid();
  } catch {
    return false;
  }
};

/**
 * Finds what dead runs left in `outDir` (the results directory this run writes into) and
 * in `tmpDir`, removes their markers, scratch folders and temp files (their results files
 * are kept: they hold what was measured), and returns one line saying so, or undefined.
 */
export function noticeLeftovers(outDir: string, tmpDir = os.tmpdir()): string | undefined {
  const dead: string[] = [];
  for (const name of entries(outDir)) {
    const path = join(outDir, name);
    const temp = TEMP_NAME.exec(name);
    if (temp && !alive(Number(temp[1])) && ownedByMe(path)) {
      rmSync(path, { force: true });
      continue;
    }
    if (!name.endsWith(MARKER_SUFFIX)) continue;
    const marker = readMarker(path);
    // Another machine's run (a shared directory) cannot be checked: it is left alone.
    if (marker && (marker.hostname !== os.hostname() || alive(marker.pid, marker.startTicks))) continue;
    rmSync(path, { force: true });
    const results = path.slice(0, -MARKER_SUFFIX.length);
    const shown = relative(process.cwd(), results) || basename(results);
    const saved = entries(outDir).includes(basename(results));
    dead.push(`pid ${marker?.pid ?? '?'}: ${saved ? `${shown} holds what it measured, marked incomplete` : `nothing saved (${shown})`}`);
  }
  let scratch = 0;
  const processes = sweepDeadCgroups((pid) => alive(pid));
  let groups = 0;
  let worktrees = 0;
  for (const name of entries(tmpDir)) {
    const match = SCRATCH_NAME.exec(name);
    const path = join(tmpDir, name);
    if (!match || alive(Number(match[1])) || !ownedByMe(path)) continue;
    groups += killRecordedGroups(path);
    const repository = worktreeRepository(path);
    rmSync(path, { recursive: true, force: true });
    scratch++;
    if (repository !== undefined && pruneWorktrees(repository)) worktrees++;
  }
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const removed = [
    scratch === 0 ? '' : `removed ${plural(scratch, 'scratch folder', 'scratch folders')} left in ${tmpDir}`,
    worktrees === 0 ? '' : `unregistered ${plural(worktrees, 'git worktree', 'git worktrees')} (git worktree prune)`,
    processes === 0 ? '' : `ended ${plural(processes, 'process', 'processes')} still running in their cgroups`,
    groups === 0 ? '' : `killed ${plural(groups, 'process group', 'process groups')} still running (a --base build)`,
  ]
    .filter(Boolean)
    .join(', ');
  if (dead.length === 0) return removed === '' ? undefined : `bench: ${removed} by runs that were killed`;
  const runs = dead.length === 1 ? 'an earlier run was killed or crashed' : `${dead.length} earlier runs were killed or crashed`;
  return `bench: ${runs} before finishing (${dead.join('; ')})${removed === '' ? '' : `; ${removed}`}`;
}
