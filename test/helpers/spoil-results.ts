/**
 * For tests that spoil one field of a results file and expect the loader to refuse it:
 * reach the object at a path, copy a fixture as a file holds it, and check the refusal's
 * one line.
 */
import assert from 'node:assert/strict';
import { ResultsFileError, validateResults } from '../../reports/load-results.js';

export type Json = Record<string, unknown>;

/** Objects and arrays alike: both are indexed by key here. */
export const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The value at `path` in `file` (keys and indices), which must be an object to edit. */
export function at(file: unknown, ...path: Array<string | number>): Json {
  let value = file;
  for (const key of path) value = isJson(value) ? value[key] : undefined;
  assert.ok(isJson(value), `${path.join('.')} is an object`);
  return value;
}

/** As a file holds it: what JSON keeps of the fixture. */
export function asFile(value: unknown): Json {
  const found: unknown = JSON.parse(JSON.stringify(value));
  assert.ok(isJson(found));
  return found;
}

/** `file` (named `name`) is refused in one line that names the field (`message`) and the command that remakes it. */
export function assertRefused(what: string, file: Json, name: string, message: RegExp, command: string): void {
  assert.throws(
    () => validateResults(file, name),
    (error: unknown) => {
      assert.ok(error instanceof ResultsFileError, `${what}: a ResultsFileError, got ${String(error)}`);
      assert.ok(!error.message.includes('\n'), `${what}: one line: ${error.message}`);
      assert.ok(error.message.startsWith(`${name}: does not match the results schema: `), `${what}: ${error.message}`);
      assert.match(error.message, message, what);
      assert.ok(error.message.endsWith(`; re-run \`${command}\` to regenerate it`), `${what}: ${error.message}`);
      return true;
    },
    what,
  );
}
