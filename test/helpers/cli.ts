import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../../runners/contract/results.js';

export const CLI = fileURLToPath(new URL('../../scripts/cli/bench.js', import.meta.url));
export const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * `env`: extra variables for the CLI and the cells it spawns (e.g. a fixture's knob).
 * `stderr()`: what it printed there so far, for a test that waits on a progress line.
 * `cwd`: where it runs (a user's project), if not where the tests run.
 */
/**
 * Tests count rounds and read their figures: on a busy test machine a round redone for
 * another program's load (--disturbed-above) would add one they did not plan. Commands that
 * redo rounds get `--disturbed-above 100%` (never) unless the test sets the flag itself.
 */
export function withoutRedos(args: string[]): string[] {
  const at = args[0] === 'run' ? 1 : args[0] === 'study' && ['size', 'workers', 'payload'].includes(args[1] ?? '') ? 2 : -1;
  if (at < 0 || args.some((arg) => arg === '--help' || arg.startsWith('--disturbed-above'))) return args;
  return [...args.slice(0, at), '--disturbed-above', '100%', ...args.slice(at)];
}

export function startCli(
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
): { child: ChildProcess; done: Promise<CliResult>; stderr: () => string } {
  const child = spawn(process.execPath, [CLI, ...withoutRedos(args)], {
    ...(cwd === undefined ? {} : { cwd }),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done, stderr: () => stderr };
}

export const runCli = (args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliResult> => startCli(args, env, cwd).done;

export { tempDir } from './temp-dirs.js';

/**
 * The one results file a run wrote into `dir`, unchecked. `T`: the kind of file the command
 * writes (StudyRunResult for a sweep, whose `study` RunResult types as either kind of study
 * block); the test knows it, and the parse checks nothing either way.
 */
export function readResults<T extends RunResult = RunResult>(dir: string): T {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (files.length !== 1) throw new Error(`expected one results file in ${dir}, found ${files.join(', ') || 'none'}`);
  return JSON.parse(readFileSync(join(dir, files[0]!), 'utf8')) as T;
}
