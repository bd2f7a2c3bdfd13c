/**
 * Runs the bench CLI with `--json` in a child process and parses the results it prints: how the
 * benchmark scripts (bench:dispatch, bench:phases-cost) drive `bench run` without sharing its process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../../runners/contract/results.js';

const CLI = fileURLToPath(new URL('../cli/bench.js', import.meta.url));

/** `args`: the CLI's arguments (the command first). `stderr`: show the run's progress, or not. */
export function runBenchJson(args: readonly string[], stderr: 'inherit' | 'ignore'): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', stderr] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(Object.assign(new Error(`bench run exited with code ${code}`), { exitCode: code ?? 1 }));
      try {
        resolve(JSON.parse(stdout) as RunResult);
      } catch {
        reject(new Error('bench run printed no results JSON'));
      }
    });
  });
}
