/**
 * What "a results file reads back" means in the round-trip tests (test/results-round-trip-*):
 * every command that reads results files takes it. `bench report` renders its HTML (PNGs left
 * out: they test the chart renderer, not the file), `bench compare` of the file with itself
 * exits 0, and `bench history append` takes its medians into a history that `bench report
 * --history` then reads back.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeName } from '../../runners/contract/results.js';
import { locateRuntime } from '../../runners/runtimes/locate.js';
import { errorMessage } from '../../runners/common/error-message.js';
import { type CliResult, runCli, tempDir } from './cli.js';

/** The one results file a command wrote into `dir`. */
export function resultsFileIn(dir: string): string {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  assert.equal(files.length, 1, `one results file in ${dir}, found ${files.join(', ') || 'none'}`);
  return join(dir, files[0]!);
}

/** Runs a command that writes results into a fresh directory; returns the file. `what` names it in failures. */
export async function produce(what: string, args: string[]): Promise<string> {
  const out = tempDir();
  const result = await runCli([...args, '--out', out]);
  assert.equal(result.code, 0, `${what}: ${failure(result)}`);
  return resultsFileIn(out);
}

/** The exit and what it printed on stderr (its first lines: an error's message comes before its stack). */
const failure = (result: CliResult): string => `exit ${result.code ?? result.signal}: ${result.stderr.trim().slice(0, 2_000)}`;

/** `bench report` (HTML only) renders `file`; `more`: extra flags (--history). */
export async function assertReports(file: string, what: string, more: string[] = []): Promise<void> {
  const html = join(tempDir(), 'report.html');
  const report = await runCli(['report', file, '--html', html, '--no-png', ...more]);
  assert.equal(report.code, 0, `${what}: bench report ${failure(report)}`);
  assert.ok(existsSync(html), `${what}: bench report exited 0 but wrote no HTML`);
}

/** Report, compare with itself, append to `history`: every reader takes `file`. */
export async function assertReadsBack(file: string, what: string, history: string): Promise<void> {
  await assertReports(file, what);
  const compare = await runCli(['compare', file, file]);
  assert.equal(compare.code, 0, `${what}: bench compare with itself ${failure(compare)}`);
  const appended = await runCli(['history', 'append', file, '--file', history]);
  assert.equal(appended.code, 0, `${what}: bench history append ${failure(appended)}`);
}

/** Why `runtime` cannot be tested here (not installed, does not run), or undefined when it can. */
export function missingRuntime(runtime: RuntimeName): string | undefined {
  try {
    locateRuntime(runtime, {});
    return undefined;
  } catch (error) {
    return `${runtime} not found: ${errorMessage(error, { firstLine: true })}`;
  }
}
