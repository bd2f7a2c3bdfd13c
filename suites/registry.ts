/**
 * Built-in suites by name, user suites by path, and the contract check both pass through.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Suite } from './suite.js';
import { suiteNameProblem } from './suite-name.js';

/** A suite the user named or wrote does not load or does not meet the contract: their fix. */
export class SuiteLoadError extends Error {
  readonly exitCode = 2;
  override name = 'SuiteLoadError';
}

export const BUILTIN_SUITES = {
  fib: new URL('./fib.js', import.meta.url).href,
  sort: new URL('./sort.js', import.meta.url).href,
  sha256: new URL('./sha256.js', import.meta.url).href,
  echo: new URL('./echo.js', import.meta.url).href,
} as const;
export type BuiltinSuiteName = keyof typeof BUILTIN_SUITES;
export const BUILTIN_SUITE_NAMES = Object.keys(BUILTIN_SUITES) as BuiltinSuiteName[];

function looksLikePath(spec: string): boolean {
  return spec.startsWith('.') || spec.startsWith('/') || /\.[cm]?[jt]s$/.test(spec);
}

/** A suite name or file path → the module URL every process imports. */
export function resolveSuiteUrl(spec: string, cwd = process.cwd()): string {
  if (spec in BUILTIN_SUITES) return BUILTIN_SUITES[spec as BuiltinSuiteName];
  if (!looksLikePath(spec)) {
    throw new SuiteLoadError(
      `unknown suite "${spec}": choose one of ${[...BUILTIN_SUITE_NAMES, 'all'].join(', ')}, or give a path such as ./my-suite.js`,
    );
  }
  const file = resolve(cwd, spec);
  if (!existsSync(file)) throw new SuiteLoadError(`suite file ${spec} does not exist: check the path (resolved to ${file})`);
  if (/\.[cm]?ts$/.test(file)) {
    throw new SuiteLoadError(
      `suite file ${spec} is TypeScript: compile it to JavaScript first (workers run plain .js so no loader skews start-up)`,
    );
  }
  return pathToFileURL(file).href;
}

const isFunction = (value: unknown): boolean => typeof value === 'function';
const isPositiveInteger = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) > 0;

/** Checks a module's default export against the Suite contract; names the first field that fails. */
export function validateSuite(moduleExports: unknown, source: string): Suite {
  const suite = (moduleExports as { default?: unknown } | null)?.default;
  const fix = 'see README "Writing a suite" for the contract';
  if (suite === null || typeof suite !== 'object') {
    throw new SuiteLoadError(`suite ${source} has no default export object: ${fix}`);
  }
  const candidate = suite as Record<string, unknown>;
  const checks: [string, boolean][] = [
    ['name (a non-empty string)', typeof candidate['name'] === 'string' && candidate['name'] !== ''],
    ['description (a string)', typeof candidate['description'] === 'string'],
    ['defaultSize (a positive integer)', isPositiveInteger(candidate['defaultSize'])],
    ['sizes (an array of positive integers)', Array.isArray(candidate['sizes']) && candidate['sizes'].every(isPositiveInteger)],
    ['maxSize (absent, or a positive integer)', candidate['maxSize'] === undefined || isPositiveInteger(candidate['maxSize'])],
    ['setup() (absent, or a function)', candidate['setup'] === undefined || isFunction(candidate['setup'])],
    ['makeInput(size, seed) (a function)', isFunction(candidate['makeInput'])],
    ['run(input) (a function)', isFunction(candidate['run'])],
    ['verify(input, output) (a function)', isFunction(candidate['verify'])],
  ];
  const failed = checks.find(([, ok]) => !ok);
  if (failed) throw new SuiteLoadError(`suite ${source} does not meet the contract: ${failed[0]} is missing or wrong; ${fix}`);
  const nameProblem = suiteNameProblem(candidate['name'] as string);
  if (nameProblem) throw new SuiteLoadError(`suite ${source} does not meet the contract: ${nameProblem}`);
  return suite as Suite;
}

export async function loadSuite(url: string): Promise<Suite> {
  let moduleExports: unknown;
  try {
    moduleExports = await import(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new SuiteLoadError(
      `suite ${url} could not be loaded: ${reason}; a suite is a JavaScript module (.js or .mjs) that imports and runs on its own (README "Writing a suite")`,
    );
  }
  return validateSuite(moduleExports, url);
}
