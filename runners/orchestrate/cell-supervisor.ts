/**
 * The shell that stands between the CLI and each process it starts to run user code or a build
 * — a cell, the HTTP server, a `--base` build step (POSIX only). It is what the process's
 * `process.ppid` names, so a suite that signals its parent hits it, not the CLI; it ends the
 * whole tree when the CLI is gone (its pipe reaches EOF: even a SIGKILLed CLI closes it), hung
 * process and children included, and removes the run's scratch folder then.
 *
 * What holds the tree, whatever its processes do (a new session, a cleared environment, a
 * double fork), best first: a cgroup of its own where the CLI may make one (cgroup-scope.ts);
 * else the shell as a subreaper (subreaper.ts), every orphan of the tree reparented below it,
 * which it lists when its process ends; else every process, group and session the CLI saw in
 * the tree (descendant-tracker.ts), sent to the watcher as it finds them. Always: the process
 * group, and a token in the environment every descendant inherits unless it clears it. When
 * the process ends, the CLI ends what it left and counts it (reapedSoFar: the results' `reaped`).
 * The shell's program is supervisor-script.ts.
 */
import type { ChildProcess, StdioOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { constants } from 'node:os';
import { join } from 'node:path';
import type { Launch } from '../runtimes/launch.js';
import { cgroupMembers, createCgroup, killCgroup, removeWhenEmpty } from './cgroup-scope.js';
import { DescendantTracker, TRACK_MS } from './descendant-tracker.js';
import { commOf, statOf, type ProcStat } from './proc-stat.js';
import { readOrEmpty } from '../common/process-tree.js';
import { asSubreaper } from './subreaper.js';
import { CELL_TOKEN_VARIABLE, SUPERVISOR_SCRIPT } from './supervisor-script.js';

export { CELL_TOKEN_VARIABLE };

/** The shell's own name in /proc/<pid>/comm, for both it and its watcher subshell. */
export const SUPERVISOR_COMM = 'sh';

export const canSupervise = (): boolean => process.platform === 'linux';

export interface SuperviseOptions {
  /** What the process is, in the line about what it left: 'cell' (default), 'server', 'build'. */
  what?: string;
  /** Give the process Node's IPC channel (at fd 5) and no stdin, instead of a stdin pipe. */
  ipc?: boolean;
  /** Send the process's stdout and stderr to this file descriptor (a log), with no stdin. */
  output?: number;
  /** Where the shell may write its list of what the process left (default: the scratch folder). */
  listDir?: string;
}

export interface Supervised {
  launch: Launch;
  token: string;
  /** The tree's cgroup, where one could be made. */
  cgroup: string | undefined;
  /** The spawn's stdio: the process's stdin, its stderr, the watcher's pipe (fd 3) and, with `ipc`, the channel. */
  stdio: StdioOptions;
  /**
   * Call right after the spawn, before adding any 'exit' listener of your own: the CLI then
   * watches the tree where no cgroup holds it, and when the shell exits, ends and counts what
   * the process left before the caller's group kill does, so processes in the group count too.
   */
  adopt(child: ChildProcess): void;
  /** The supervisor's own processes (the shell, its watcher once it said its PID): not the process's, in memory or counts. */
  supervisors(): number[];
}

interface State {
  what: string;
  cgroup: string | undefined;
  /** Where the shell lists what its process left (no cgroup, a scratch folder to write in). */
  left: string | undefined;
  /** The shell is a subreaper: its list is complete, and no walk of the tree is needed. */
  subreaper: boolean;
  pid?: number;
  watcher?: number;
  tracker?: DescendantTracker;
  timer?: NodeJS.Timeout;
  done: boolean;
  line?: string | undefined;
}

const states = new Map<string, State>();
let reapedTotal = 0;

/** How many processes this CLI has ended that outlived the process that started them (the results' `reaped`). */
export const reapedSoFar = (): number => reapedTotal;

export function supervise(launch: Launch, scratch: string, options: SuperviseOptions = {}): Supervised {
  const token = randomBytes(8).toString('hex');
  const cgroup = createCgroup(token);
  const listDir = options.listDir ?? scratch;
  const left = cgroup === undefined && listDir !== '' ? join(listDir, `.bench-left-${token}`) : undefined;
  const shell: Launch = {
    command: '/bin/sh',
    args: ['-c', SUPERVISOR_SCRIPT, 'bench-supervisor', scratch, token, cgroup ?? '', left ?? '', launch.command, ...launch.args],
  };
  // A cgroup holds the tree already: no need to pay for perl's start (~5 ms).
  const subreaper = cgroup === undefined ? asSubreaper(shell) : undefined;
  const state: State = { what: options.what ?? 'cell', cgroup, left, subreaper: subreaper !== undefined, done: false };
  states.set(token, state);
  return {
    launch: subreaper ?? shell,
    token,
    cgroup,
    stdio: options.ipc
      ? ['ignore', 'ignore', 'pipe', 'pipe', 'ignore', 'ipc']
      : options.output !== undefined
        ? ['ignore', options.output, options.output, 'pipe']
        : ['pipe', 'ignore', 'pipe', 'pipe'],
    adopt: (child) => adopt(state, token, child),
    supervisors: () => [...supervisorsOf(state)],
  };
}

function adopt(state: State, token: string, child: ChildProcess): void {
  const pid = child.pid;
  const pipe = child.stdio[3];
  if (pid === undefined || !(pipe instanceof Socket)) return;
  state.pid = pid;
  pipe.on('error', () => {}); // the watcher is killed before the pipe closes
  let heard = '';
  const onData = (chunk: Buffer): void => {
    heard += chunk.toString('latin1');
    const end = heard.indexOf('\n');
    if (end < 0) return;
    state.watcher = Number(heard.slice(0, end));
    pipe.off('data', onData);
  };
  pipe.on('data', onData);
  if (state.cgroup === undefined && !state.subreaper && process.platform === 'linux') {
    const tracker = new DescendantTracker(
      pid,
      () => supervisorsOf(state),
      (line) => {
        if (pipe.writable) pipe.write(`${line}\n`);
      },
    );
    state.tracker = tracker;
    state.timer = setInterval(() => tracker.poll(), TRACK_MS);
    state.timer.unref();
    tracker.poll();
  }
  child.once('exit', () => reap(state, token));
}

const supervisorsOf = (state: State): Set<number> => new Set([state.pid, state.watcher].filter((pid): pid is number => pid !== undefined));

/**
 * After the process ended: ends what it left (if `adopt` has not already), then kills the
 * group — the watcher with it, before its pipe closes, which it would take for the CLI's
 * death — and returns the line about what had left the group, if anything had.
 */
export function endSupervised(supervised: Supervised, child: ChildProcess): string | undefined {
  const pid = child.pid;
  if (pid === undefined) return undefined;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
  const line = reapMarked(supervised.token, pid);
  child.stdio[3]?.destroy();
  return line;
}

/**
 * How the process ended, seen through the shell: it exits 128 + n when the process died of
 * signal n, and dies of a signal itself only when someone signalled it, the process's parent.
 */
export function cellEnding(code: number | null, signal: NodeJS.Signals | null): { how: string; hint?: string } {
  if (signal)
    return {
      how: 'was stopped',
      hint: `its parent process received ${signal}, which the harness never sends: does the suite signal process.ppid?`,
    };
  const name = code !== null && code > 128 ? Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0] : undefined;
  if (name === undefined) return { how: `exited with code ${code}` };
  const outside = name === 'SIGTERM' || name === 'SIGINT' || name === 'SIGHUP';
  return {
    how: `was killed by ${name}`,
    ...(outside ? { hint: 'a signal the harness never sends: does the suite signal its parent, process.ppid?' } : {}),
  };
}

/** Living processes that carry `token`, in any group. */
export function marked(token: string): ProcStat[] {
  const needle = `${CELL_TOKEN_VARIABLE}=${token}`;
  const found: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (!readOrEmpty(`/proc/${entry}/environ`).split('\0').includes(needle)) continue;
    const stat = statOf(Number(entry));
    if (stat !== undefined && stat.state !== 'Z') found.push(stat);
  }
  return found;
}

/** The living processes the shell listed ("PID START" lines) when its process ended; the list is removed. */
function listedIn(path: string | undefined): ProcStat[] {
  if (path === undefined) return [];
  const text = readOrEmpty(path);
  rmSync(path, { force: true });
  return text.split('\n').flatMap((line) => {
    const [pid, start] = line.split(' ').map(Number);
    const stat = pid === undefined ? undefined : statOf(pid);
    return stat !== undefined && stat.startTicks === start ? [stat] : [];
  });
}

/** Ends and counts what the process left: everything in its cgroup, or what the tracker saw, and the marked. */
function reap(state: State, token: string, killedGroup?: number): void {
  if (state.done) return;
  state.done = true;
  clearInterval(state.timer);
  const skip = supervisorsOf(state);
  const victims = new Map<number, ProcStat>();
  const add = (stat: ProcStat | undefined): void => {
    if (stat !== undefined && stat.state !== 'Z' && !skip.has(stat.pid) && stat.pid !== process.pid) victims.set(stat.pid, stat);
  };
  if (state.cgroup !== undefined) for (const pid of cgroupMembers(state.cgroup)) add(statOf(pid));
  for (const stat of state.tracker?.survivors() ?? []) add(stat);
  for (const stat of listedIn(state.left)) add(stat);
  for (const stat of marked(token)) add(stat);
  // Called after the caller's group kill (no adopt): its group is dying already, and not counted.
  if (killedGroup !== undefined) for (const [pid, stat] of victims) if (stat.pgrp === killedGroup) victims.delete(pid);
  // The names first: a killed process's comm is gone with it.
  const named = [...victims.values()].map((stat) => ({ ...stat, comm: commOf(stat.pid) }));
  if (state.cgroup !== undefined) killCgroup(state.cgroup);
  const failed: number[] = [];
  for (const { pid } of named) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') failed.push(pid);
    }
  }
  if (state.cgroup !== undefined) removeWhenEmpty(state.cgroup);
  reapedTotal += named.length;
  const outside = named.filter((stat) => stat.pgrp !== state.pid);
  if (outside.length === 0) return;
  const list = outside.map(({ pid, comm }) => `${pid} (${comm})`).join(', ');
  state.line = `the ${state.what} left ${outside.length} process${outside.length === 1 ? '' : 'es'} running outside its process group: ${list}; ${failed.length === 0 ? 'killed' : `could not end ${failed.join(', ')}`}`;
}

/**
 * After the process ended and its group was killed: ends what is left (if `adopt` has not
 * already) and returns a line naming those that had left the group (PID and command), with
 * any that could not be ended, or undefined when there were none.
 */
export function reapMarked(token: string, group: number): string | undefined {
  const state = states.get(token);
  if (state === undefined) return undefined;
  states.delete(token);
  state.pid ??= group;
  reap(state, token, group);
  return state.line;
}
