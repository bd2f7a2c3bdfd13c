/**
 * A suite that calls process.chdir() at import moves the suite probe and its cells, never
 * the CLI: a relative --out still resolves against the directory the CLI started in.
 * Loaded in the CLI, the results went into the directory the suite chose.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, tempDir } from './helpers/cli.js';
import { runCliIn } from './helpers/fault-matrix.js';

test('process.chdir at import: the results land in the requested --out', { skip: process.platform !== 'linux' }, async () => {
  const cwd = tempDir();
  const elsewhere = tempDir();
  const args = ['run', '--suite', fixture('faults/chdir-at-import.js'), '--strategies', 'main-thread', '--quick', '--phase-time', '50'];
  const result = await runCliIn(cwd, [...args, '--rounds', '1', '--no-report', '--out', 'out'], { BENCH_TEST_CHDIR: elsewhere });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(readdirSync(join(cwd, 'out')).filter((name) => name.endsWith('.json')).length, 1);
  assert.deepEqual(readdirSync(elsewhere), []);
});
