/**
 * The shell that stands between the CLI and each cell process (POSIX only). It is what the
 * cell's `process.ppid` names, so a suite that signals its parent from the cell's main
 * thread or a worker hits it, not the CLI; it ends the whole process group when the CLI is
 * gone (its stdin pipe reaches EOF: even a SIGKILLed CLI closes it), hung cell and children
 * included, and removes the run's scratch folder then. Every process the cell starts
 * inherits a token in its environment, so one that left the process group (a detached
 * helper in a session of its own) is still found afterwards.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { constants } from 'node:os';
import type { Launch } from '../runtimes/launch.js';
import { readOrEmpty } from './process-tree-rss.js';

/** The variable that marks every process a cell started, wherever it went. */
export const CELL_TOKEN_VARIABLE = 'BENCH_CELL_TOKEN';

/** The shell's own name in /proc/<pid>/comm, for both it and its watcher subshell. */
export const SUPERVISOR_COMM = 'sh';

// $1: scratch folder, $2: token; the rest: the cell's command line. Only the cell gets the
// token, so the shell and its watcher are never among the marked. fd 3 is the watcher's own
// pipe from the CLI, which the cell never holds: a runtime that shuts its stdin down on exit
// must not pass for the CLI's death. fd 4 keeps stdin for the cell (an asynchronous list's
// stdin is /dev/null otherwise). The watcher's `read` returns only at EOF (the CLI never
// writes): then everything marked is ended, the scratch folder removed, and the group
// killed, the shell and the watcher with it. The watcher outlives the shell: a cell that
// ends because the CLI is gone must not take it along; the CLI's own group kill ends it otherwise.
const SCRIPT = [
  'scratch=$1; token=$2; shift 2; exec 4<&0',
  `${CELL_TOKEN_VARIABLE}=$token "$@" <&4 3<&- 4<&- &`,
  'cell=$!',
  // One grep over every environ file: a loop of greps would leave a hung cell spinning for a second.
  `( read -r _ <&3; for f in $(grep -las "${CELL_TOKEN_VARIABLE}=$token" /proc/[0-9]*/environ); do p=\${f#/proc/}; kill -KILL "\${p%/environ}"; done; rm -rf "$scratch"; kill -KILL 0 ) </dev/null >/dev/null 2>&1 4<&- &`,
  // Quiet: dash reports a job killed by a signal ("Terminated"), which would pass for the cell's last words.
  'wait "$cell" 2>/dev/null; status=$?',
  'exit "$status"',
].join('\n');

export const canSupervise = (): boolean => process.platform === 'linux';

export interface Supervised {
  launch: Launch;
  token: string;
  /** The spawn's stdio: the cell's stdin, its stderr, and the watcher's pipe (fd 3). */
  stdio: ['pipe', 'ignore', 'pipe', 'pipe'];
}

export function supervise(launch: Launch, scratch: string): Supervised {
  const token = randomBytes(8).toString('hex');
  return {
    launch: { command: '/bin/sh', args: ['-c', SCRIPT, 'bench-cell', scratch, token, launch.command, ...launch.args] },
    token,
    stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
  };
}

/**
 * How the cell ended, seen through the shell: it exits 128 + n when the cell died of signal
 * n, and dies of a signal itself only when someone signalled it, the cell's parent.
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

/**
 * Processes still alive that carry `token` outside process group `group`: what a cell left
 * behind where a group kill does not reach (the group's own may still be dying from one).
 */
export function marked(token: string, group: number): { pid: number; comm: string }[] {
  const needle = `${CELL_TOKEN_VARIABLE}=${token}`;
  const found: { pid: number; comm: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (!readOrEmpty(`/proc/${entry}/environ`).split('\0').includes(needle)) continue;
    // After the command name's closing parenthesis: state, parent, process group.
    const stat = readOrEmpty(`/proc/${entry}/stat`);
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === undefined || state === 'Z' || Number(pgrp) === group) continue;
    found.push({ pid: Number(entry), comm: readOrEmpty(`/proc/${entry}/comm`).trim() });
  }
  return found;
}

/**
 * Ends every process `token` marks; returns a line naming them (PID and command), with
 * those that could not be ended, or undefined when there were none.
 */
export function reapMarked(token: string, group: number): string | undefined {
  const left = marked(token, group);
  if (left.length === 0) return undefined;
  const failed: number[] = [];
  for (const { pid } of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') failed.push(pid);
    }
  }
  const named = left.map(({ pid, comm }) => `${pid} (${comm})`).join(', ');
  return `the cell left ${left.length} process${left.length === 1 ? '' : 'es'} running outside its process group: ${named}; ${failed.length === 0 ? 'killed' : `could not end ${failed.join(', ')}`}`;
}
