/**
 * Finds the binary of each runtime a run asks for: node is the one running the CLI;
 * bun and deno come from --bun/--deno, a node_modules/.bin that bench's own imports would
 * search (a clone's, where the set-up installs both from npm, or the project's that installed
 * bench), or PATH.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { RuntimeName } from '../contract/results.js';
import { errorMessage } from '../common/error-message.js';
import { nodeModulesDirs } from '../common/node-modules-dirs.js';

export class RuntimeNotFoundError extends Error {
  readonly exitCode = 2;
  override name = 'RuntimeNotFoundError';
}

export const RUNTIME_NAMES: readonly RuntimeName[] = ['node', 'bun', 'bun-smol', 'deno'];

/** bun-smol is Bun itself, run with --smol: same binary, different heap mode. */
export type Binary = 'node' | 'bun' | 'deno';
export const binaryOf = (runtime: RuntimeName): Binary => (runtime === 'bun-smol' ? 'bun' : runtime);

export interface RuntimeInstall {
  name: RuntimeName;
  path: string;
  version: string;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(command: string): string | undefined {
  return (process.env['PATH'] ?? '')
    .split(delimiter)
    .map((dir) => join(dir, command))
    .find(isExecutableFile);
}

function versionOf(binary: Binary, path: string): string {
  const text = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'ignore'] });
  // bun prints "1.4.5"; deno prints "deno 2.9.6 (stable, …)" on its first line.
  const match = /(\d+\.\d+\.\d+\S*)/.exec(text.split('\n')[0] ?? '');
  if (!match) throw new Error(`cannot read the ${binary} version from "${text.trim()}"`);
  return match[1]!;
}

export function locateRuntime(runtime: RuntimeName, overrides: Partial<Record<'bun' | 'deno', string>>): RuntimeInstall {
  const binary = binaryOf(runtime);
  if (binary === 'node') return { name: runtime, path: process.execPath, version: process.versions.node };
  const override = overrides[binary];
  if (override !== undefined) {
    if (!existsSync(override) || !isExecutableFile(override)) {
      throw new RuntimeNotFoundError(`--${binary} ${override} is not an executable file: give the path of the ${binary} binary`);
    }
  }
  const installed = nodeModulesDirs(import.meta.url).map((dir) => join(dir, '.bin', binary));
  const path = override ?? installed.find(isExecutableFile) ?? onPath(binary);
  if (!path) {
    throw new RuntimeNotFoundError(
      `${binary} is not installed: \`npm install --save-dev ${binary}\` (in a clone of bench: \`bash scripts/setup.sh\`), put it on PATH, or pass --${binary} PATH`,
    );
  }
  try {
    // The real path: Deno's --allow-run names the binary it will fork, not a symlink to it.
    const real = realpathSync(path);
    return { name: runtime, path: real, version: versionOf(binary, real) };
  } catch (error) {
    throw new RuntimeNotFoundError(
      `${path} does not run as ${binary} (${errorMessage(error, { firstLine: true })}): pass --${binary} PATH`,
    );
  }
}
