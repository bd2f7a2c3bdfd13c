/**
 * A head whose rounds error where the base's complete (a broken change) fails the gate like a
 * slower one: the cell stops at its first pair, `regressed`, with side B's error kept.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readResults, runCli, tempDir } from './helpers/cli.js';
import { abArgs } from './helpers/ab-runs.js';

test('side B erroring alone stops the cell as regressed and exits 1', async () => {
  const out = tempDir();
  // Out of the knob's range: the new suite's makeInput throws, the old one never reads it.
  const result = await runCli(abArgs(out, { strategies: 'main-thread' }), { BENCH_AB_SLOWDOWN: '1000' });
  assert.equal(result.code, 1, result.stderr);
  const run = readResults(out);
  const [cell] = run.ab?.cells ?? [];
  assert.equal(cell?.verdict, 'regressed');
  assert.equal(cell?.error?.side, 'b');
  assert.equal(cell?.error?.pair, 0);
  assert.match(cell?.error?.message ?? '', /BENCH_AB_SLOWDOWN must be a factor/);
  assert.equal(run.cells[0]?.status, 'errored', 'the head cell is errored, as in bench run');
});
