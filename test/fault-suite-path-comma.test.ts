/**
 * A --suite path holding a comma is one suite, beside others in the same list: a plain split
 * on commas made such a file impossible to pass ("suite file ./runs does not exist").
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, readResults, tempDir } from './helpers/cli.js';
import { runSuites } from './helpers/fault-matrix.js';

test('bench run --suite with a comma in a path runs that suite and the others listed', async () => {
  const dir = join(tempDir(), 'runs,2026');
  mkdirSync(dir);
  const suite = join(dir, 'tiny,copy.js');
  copyFileSync(fixture('tiny-suite.js'), suite);
  const result = await runSuites([suite, 'echo'], { strategies: ['main-thread'] });
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(
    readResults(result.out).cells.map((cell) => cell.suite),
    ['tiny', 'echo'],
  );
});
