/**
 * Starts one cell round in a fresh process of its own process group, watches its memory,
 * enforces the timeout, and turns whatever happens into a CellOutcome: a crash, a hang or
 * a wrong answer becomes an error for that cell, never for the run.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CellOutcome, CellSpec } from '../contract/protocol.js';
import type { Launch } from '../runtimes/launch.js';
import type { RoundSample } from '../contract/results.js';
import { canSampleProcessTree, processTreeRss } from './process-tree-rss.js';
import { startForeignCpuMeter } from './foreign-cpu.js';

const CELL_ENTRY = new URL('../cell/cell-entry.js', import.meta.url);
/** Often enough to catch a forked child's peak, rarely enough to cost nothing measurable. */
const RSS_SAMPLE_MS = 50;
const STDERR_TAIL_CHARS = 2_000;

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

/**
 * The line of a dead cell's stderr that says why: the last error line, not Node's closing
 * "Node.js v20…" banner nor a stack frame; else the last line there is.
 */
export function causeIn(stderr: string): string | undefined {
  const all = stderr.split('\n').map((line) => line.trim());
  // Not the version banner, a JavaScript stack frame, a native one ("3: 0xee85e7 v8::…") or Node's hints.
  const telling = (line: string): boolean => line !== '' && !/^Node\.js v\d/.test(line) && !line.startsWith('at ') &&
    !/^\d+: 0x[0-9a-f]+ /.test(line) && !/^\(Use `node --/.test(line);
  // An uncaught throw: Node shows the source line, a caret under it, then what was thrown.
  const caret = all.map((line) => /^\^+$/.test(line)).lastIndexOf(true);
  const thrown = caret >= 0 ? all.slice(caret + 1).find(telling) : undefined;
  if (thrown !== undefined) return thrown;
  const lines = all.filter(telling);
  return [...lines].reverse().find((line) => /^FATAL ERROR\b|\b\w*(Error|Exception)\b|^error\b/i.test(line)) ?? lines.at(-1);
}

export const CELL_ENTRY_PATH = fileURLToPath(CELL_ENTRY);

/** `launch` is the runtime's command line for the cell entry (see runtimes/launch.ts). */
export function runCellProcess(spec: CellSpec, launch: Launch, timeoutMs: number, signal: AbortSignal): Promise<RoundOutcome> {
  return new Promise((resolve, reject) => {
    // From before the spawn to after the reap: the cell's whole life, its children included.
    const foreign = startForeignCpuMeter();
    const child = spawn(launch.command, launch.args, {
      detached: true, // its own process group, so one kill reaches every descendant
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const pid = child.pid!;
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS); });
    child.stdin!.on('error', () => {}); // the cell may exit before we close its stdin

    let treePeak = 0;
    const sampler = canSampleProcessTree()
      ? setInterval(() => { treePeak = Math.max(treePeak, processTreeRss(pid)); }, RSS_SAMPLE_MS)
      : undefined;
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; killGroup(pid); }, timeoutMs);
    const onAbort = (): void => killGroup(pid);
    signal.addEventListener('abort', onAbort, { once: true });

    child.on('exit', (code, exitSignal) => {
      clearTimeout(timer);
      clearInterval(sampler);
      signal.removeEventListener('abort', onAbort);
      child.stdin!.destroy();
      killGroup(pid); // leftovers of a cell that exited without cleaning up
      if (signal.aborted) return reject(new CellInterrupted('interrupted'));
      if (timedOut) return resolve({ ok: false, error: `timed out after ${timeoutMs / 1000}s (raise --cell-timeout if the suite is this slow)` });
      let outcome: CellOutcome;
      try {
        outcome = JSON.parse(readFileSync(spec.outcomePath, 'utf8')) as CellOutcome;
        rmSync(spec.outcomePath, { force: true });
      } catch {
        const how = exitSignal ? `was killed by ${exitSignal}` : `exited with code ${code}`;
        const cause = causeIn(stderr);
        return resolve({ ok: false, error: `cell process ${how} without a result${cause ? `: ${cause}` : ''}` });
      }
      if (!outcome.ok) return resolve(outcome);
      const { selfPeakRssBytes, ...sample } = outcome.sample;
      resolve({ ok: true, sample: { ...sample, peakRssBytes: Math.max(selfPeakRssBytes, treePeak), foreignCpuShare: foreign.stop() } });
    });
  });
}
