/**
 * Signals sent to a measuring command the way a user or a CI job sends them, and what every
 * such test asserts afterwards: the exit is 128 + the signal, the results file is valid
 * and marked incomplete with the signal's name, and no process the command started is left —
 * found by a marker every descendant inherits, so one outside the process group counts too.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadResults } from '../../reports/load-results.js';
import type { RunResult } from '../../runners/contract/results.js';
import { startCli, type CliResult } from './cli.js';
import { newMarker, processesMarked } from './fault-matrix.js';
import { waitUntil } from './wait.js';

export const EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof EXIT;

/**
 * Starts `args` under a marker, waits until `busy` holds (a process line of the command
 * matches it, or the predicate is true), sends `signal`, and waits for the command and
 * every process it started to end.
 */
export async function interrupt(
  args: string[],
  busy: RegExp | (() => boolean),
  signal: StopSignal,
  env: Record<string, string> = {},
): Promise<CliResult> {
  const marker = newMarker();
  const { child, done } = startCli(args, { ...marker.env, ...env });
  const ready = busy instanceof RegExp ? () => processesMarked(marker.needle).some((line) => busy.test(line)) : busy;
  try {
    await waitUntil(ready, `the command to be busy (${String(busy)})`, { timeoutMs: 60_000 });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  child.kill(signal);
  const result = await done;
  await waitUntil(() => processesMarked(marker.needle).length === 0, 'every process of the command to end', { timeoutMs: 10_000 });
  return result;
}

/** The one results file in `dir`, loaded as `bench report` would, marked incomplete by `signal`. */
export async function assertIncomplete(dir: string, signal: string): Promise<RunResult> {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  assert.equal(files.length, 1, `one results file in ${dir}: ${files.join(', ')}`);
  const run = await loadResults(join(dir, files[0]!));
  assert.equal(run.complete, false);
  assert.equal(run.interruptedBy, signal);
  return run;
}
