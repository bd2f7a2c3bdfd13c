/**
 * Starts one cell round in a fresh process of its own process group, watches its memory,
 * enforces the timeout, and turns whatever happens into a CellOutcome: a crash, a hang or
 * a wrong answer becomes an error for that cell, never for the run.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellOutcome, CellSpec } from '../contract/protocol.js';
import type { Launch } from '../runtimes/launch.js';
import type { RoundSample } from '../contract/results.js';
import { canSampleProcessTree, childrenOf, processTreeRss, readOrEmpty } from './process-tree-rss.js';
import { canSupervise, cellEnding, reapMarked, supervise, SUPERVISOR_COMM } from './cell-supervisor.js';
import { terminalSafe } from '../common/terminal-safe.js';
import { startForeignCpuMeter } from './foreign-cpu.js';
import { causeIn, STDERR_TAIL_CHARS } from '../common/stderr-cause.js';

export { causeIn };

const CELL_ENTRY = new URL('../cell/cell-entry.js', import.meta.url);
/** Often enough to catch a forked child's peak, rarely enough to cost nothing measurable. */
const RSS_SAMPLE_MS = 50;

export type RoundOutcome = { ok: true; sample: RoundSample } | { ok: false; error: string };

export class CellInterrupted extends Error {}

/** Kill the whole group: the cell, its threads, and any child process it forked. */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}

export const CELL_ENTRY_PATH = fileURLToPath(CELL_ENTRY);

/** `launch` is the runtime's command line for the cell entry (see runtimes/launch.ts). */
export function runCellProcess(spec: CellSpec, launch: Launch, timeoutMs: number, signal: AbortSignal): Promise<RoundOutcome> {
  return new Promise((resolve, reject) => {
    // From before the spawn to after the reap: the cell's whole life, its children included.
    const foreign = startForeignCpuMeter();
    const supervised = canSupervise() ? supervise(launch, dirname(spec.outcomePath)) : undefined;
    const started = supervised?.launch ?? launch;
    const child = spawn(started.command, started.args, {
      detached: true, // its own process group, so one kill reaches every descendant
      stdio: supervised?.stdio ?? ['pipe', 'ignore', 'pipe'],
    });
    const pid = child.pid!;
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    child.stdin!.on('error', () => {}); // the cell may exit before we close its stdin
    const watcherPipe = child.stdio[3];
    watcherPipe?.on('error', () => {});

    let treePeak = 0;
    // The supervising shell and its watcher are not the cell's: their memory is left out.
    const supervisorPids = (): Set<number> =>
      new Set(
        supervised === undefined ? [] : [pid, ...childrenOf(pid).filter((c) => readOrEmpty(`/proc/${c}/comm`).trim() === SUPERVISOR_COMM)],
      );
    const sampler = canSampleProcessTree()
      ? setInterval(() => {
          treePeak = Math.max(treePeak, processTreeRss(pid, supervisorPids()));
        }, RSS_SAMPLE_MS)
      : undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(pid);
    }, timeoutMs);
    const onAbort = (): void => killGroup(pid);
    signal.addEventListener('abort', onAbort, { once: true });

    child.on('exit', (code, exitSignal) => {
      clearTimeout(timer);
      clearInterval(sampler);
      signal.removeEventListener('abort', onAbort);
      // Kill first: the supervisor's watcher takes its pipe's end for the CLI's death.
      killGroup(pid); // leftovers of a cell that exited without cleaning up
      child.stdin!.destroy();
      watcherPipe?.destroy();
      // Those that left the group (detached, a session of their own) carry the cell's token.
      const reaped = supervised === undefined ? undefined : reapMarked(supervised.token, pid);
      if (reaped !== undefined) process.stderr.write(`bench: ${terminalSafe(reaped)}\n`);
      if (signal.aborted) return reject(new CellInterrupted('interrupted'));
      if (timedOut)
        return resolve({ ok: false, error: `timed out after ${timeoutMs / 1000}s (raise --cell-timeout if the suite is this slow)` });
      let outcome: CellOutcome;
      try {
        outcome = JSON.parse(readFileSync(spec.outcomePath, 'utf8')) as CellOutcome;
        rmSync(spec.outcomePath, { force: true });
      } catch {
        const { how, hint } =
          supervised === undefined
            ? { how: exitSignal ? `was killed by ${exitSignal}` : `exited with code ${code}`, hint: undefined }
            : cellEnding(code, exitSignal);
        const cause = causeIn(stderr);
        return resolve({ ok: false, error: `cell process ${how} without a result${cause ? `: ${cause}` : ''}${hint ? ` (${hint})` : ''}` });
      }
      if (!outcome.ok) return resolve(outcome);
      const { selfPeakRssBytes, ...sample } = outcome.sample;
      resolve({ ok: true, sample: { ...sample, peakRssBytes: Math.max(selfPeakRssBytes, treePeak), foreignCpuShare: foreign.stop() } });
    });
  });
}
