/**
 * One process the CLI starts to run user code — a cell round, or the suite probe — in a
 * process group of its own under the supervising shell (cell-supervisor.ts), with a time
 * limit and the run's abort signal. It says how the process ended and nothing more: what
 * the process answered (its outcome file) is read by the caller, which knows its shape.
 */
import { spawn } from 'node:child_process';
import type { Launch } from '../runtimes/launch.js';
import { terminalSafe } from '../common/terminal-safe.js';
import { causeIn, STDERR_TAIL_CHARS } from '../common/stderr-cause.js';
import { canSupervise, cellEnding, reapMarked, supervise, SUPERVISOR_COMM } from './cell-supervisor.js';
import { childrenOf, readOrEmpty } from '../common/process-tree.js';

/** Kill the whole group: the process, its threads, and any child process it forked. */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}

export interface SupervisedRun {
  launch: Launch;
  /** The folder the process writes into: the supervisor removes it if the CLI dies. */
  scratch: string;
  timeoutMs: number;
  signal: AbortSignal;
  /**
   * Called once the process started, with its PID (the group's) and the PIDs of the
   * supervisor's own processes; returns what stops the watching when the process ends.
   */
  watch?: (pid: number, supervisorPids: () => Set<number>) => () => void;
}

export type Ending = { ended: 'exited'; how: string; hint?: string; cause?: string } | { ended: 'timed-out' } | { ended: 'interrupted' };

/** Starts the process and resolves when it and its group are gone; never rejects. */
export function runSupervised(run: SupervisedRun): Promise<Ending> {
  return new Promise((resolve) => {
    const { signal } = run;
    const supervised = canSupervise() ? supervise(run.launch, run.scratch) : undefined;
    const started = supervised?.launch ?? run.launch;
    const child = spawn(started.command, started.args, {
      detached: true, // its own process group, so one kill reaches every descendant
      stdio: supervised?.stdio ?? ['pipe', 'ignore', 'pipe'],
    });
    const pid = child.pid!;
    supervised?.adopt(child); // before the 'exit' listener below: it reaps what the process left before the group kill
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    child.stdin!.on('error', () => {}); // the process may exit before we close its stdin
    const watcherPipe = child.stdio[3];
    watcherPipe?.on('error', () => {});

    // The supervising shell and its watcher are not the process's own.
    const supervisorPids = (): Set<number> =>
      new Set(
        supervised === undefined ? [] : [pid, ...childrenOf(pid).filter((c) => readOrEmpty(`/proc/${c}/comm`).trim() === SUPERVISOR_COMM)],
      );
    const stopWatching = run.watch?.(pid, supervisorPids);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(pid);
    }, run.timeoutMs);
    const onAbort = (): void => killGroup(pid);
    signal.addEventListener('abort', onAbort, { once: true });

    child.on('exit', (code, exitSignal) => {
      clearTimeout(timer);
      stopWatching?.();
      signal.removeEventListener('abort', onAbort);
      // Kill first: the supervisor's watcher takes its pipe's end for the CLI's death.
      killGroup(pid); // leftovers of a process that exited without cleaning up
      child.stdin!.destroy();
      watcherPipe?.destroy();
      // Those that left the group (detached, a session of their own) carry the process's token.
      const reaped = supervised === undefined ? undefined : reapMarked(supervised.token, pid);
      if (reaped !== undefined) process.stderr.write(`bench: ${terminalSafe(reaped)}\n`);
      if (signal.aborted) return resolve({ ended: 'interrupted' });
      if (timedOut) return resolve({ ended: 'timed-out' });
      const { how, hint } =
        supervised === undefined
          ? { how: exitSignal ? `was killed by ${exitSignal}` : `exited with code ${code}`, hint: undefined }
          : cellEnding(code, exitSignal);
      const cause = causeIn(stderr);
      resolve({ ended: 'exited', how, ...(hint === undefined ? {} : { hint }), ...(cause === undefined ? {} : { cause }) });
    });
  });
}
