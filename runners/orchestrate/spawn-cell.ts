/**
 * Starts one cell round in a fresh process of its own process group (supervised-process.ts),
 * watches its memory, enforces the timeout, and turns whatever happens into a CellOutcome: a
 * crash, a hang or a wrong answer becomes an error for that cell, never for the run.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellSpec } from '../contract/protocol.js';
import { parseCellOutcome } from '../contract/cell-outcome-schema.js';
import type { Launch } from '../runtimes/launch.js';
import type { RoundSample } from '../contract/results.js';
import { startForeignCpuMeter } from './foreign-cpu.js';
import { causeIn, explainCause } from '../common/stderr-cause.js';
import { memoryBudget, RssWatchdog, sampleTree } from './rss-watchdog.js';
import { killGroup, runSupervised } from './supervised-process.js';

export { causeIn, killGroup };

const CELL_ENTRY = new URL('../cell/cell-entry.js', import.meta.url);

export type RoundOutcome = { ok: true; sample: RoundSample } | { ok: false; error: string };

export class CellInterrupted extends Error {}

export const CELL_ENTRY_PATH = fileURLToPath(CELL_ENTRY);

/** `launch` is the runtime's command line for the cell entry (see runtimes/launch.ts). */
export async function runCellProcess(spec: CellSpec, launch: Launch, timeoutMs: number, signal: AbortSignal): Promise<RoundOutcome> {
  // From before the spawn to after the reap: the cell's whole life, its children included.
  const foreign = startForeignCpuMeter();
  let treePeak = 0;
  // --max-heap bounds the cell's whole tree on every runtime, Bun's too (rss-watchdog.ts).
  const heapMb = spec.thread.heapMb;
  const watchdog = heapMb === undefined ? undefined : new RssWatchdog(memoryBudget(heapMb, spec.workers));
  const ending = await runSupervised({
    launch,
    scratch: dirname(spec.outcomePath),
    timeoutMs,
    signal,
    // The supervising shell and its watcher are not the cell's: their memory is left out.
    watch: (pid, supervisorPids) => {
      const sampler = sampleTree(pid, supervisorPids, watchdog, () => killGroup(pid));
      return () => {
        sampler.stop();
        treePeak = sampler.peak();
      };
    },
  });
  if (ending.ended === 'interrupted') throw new CellInterrupted('interrupted');
  // Ended by the watchdog: how it died (SIGKILL, from us) says nothing of why.
  if (watchdog?.reason !== undefined) return { ok: false, error: watchdog.reason };
  if (ending.ended === 'timed-out')
    return { ok: false, error: `timed out after ${timeoutMs / 1000}s (raise --cell-timeout if the suite is this slow)` };
  let text: string;
  try {
    text = readFileSync(spec.outcomePath, 'utf8');
    rmSync(spec.outcomePath, { force: true });
  } catch {
    const { how, hint } = ending;
    const cause = explainCause(ending.cause, heapMb);
    return { ok: false, error: `cell process ${how} without a result${cause ? `: ${cause}` : ''}${hint ? ` (${hint})` : ''}` };
  }
  const parsed = parseCellOutcome(text);
  if ('problem' in parsed) {
    return {
      ok: false,
      error: `the cell's outcome is not valid (${parsed.problem.slice(0, 200)}): a suite that replaces JSON.stringify or other globals spoils the cell's answer`,
    };
  }
  const { outcome } = parsed;
  if (!outcome.ok) return outcome;
  const { selfPeakRssBytes, ...sample } = outcome.sample;
  return { ok: true, sample: { ...sample, peakRssBytes: Math.max(selfPeakRssBytes, treePeak), foreignCpuShare: foreign.stop() } };
}
