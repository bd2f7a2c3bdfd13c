/**
 * `bench ab --size` reads sizes as `bench run` does, suffixes included: `--size 64k` is
 * 65,536 bytes of echo. (Declared per command, ab's --size had become a number and
 * refused `64k` as "a non-number".)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readResults, runCli, tempDir } from './helpers/cli.js';

test('bench ab --size 64k measures the suite at 65,536', async () => {
  const out = await tempDir('bench-ab-size-');
  const { code, stderr } = await runCli([
    'ab',
    '--aa',
    '--suite',
    'echo',
    '--size',
    '64k',
    '--strategies',
    'main-thread',
    '--quick',
    '--phase-time',
    '50',
    '--max-rounds',
    '8',
    '--no-report',
    '--out',
    out,
  ]);
  assert.equal(code, 0, stderr);
  const run = readResults(out);
  assert.equal(run.config.sizes['echo'], 65_536);
  assert.ok(run.cells.length > 0 && run.cells.every((cell) => cell.size === 65_536));
});
