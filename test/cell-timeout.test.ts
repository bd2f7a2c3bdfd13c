import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';
import { NOTHING_MEASURED_EXIT } from '../scripts/cli/nothing-measured.js';

test('a cell that hangs is killed at --cell-timeout and recorded as errored; the run goes on', async () => {
  const out = tempDir();
  const result = await runCli([
    'run',
    '--suite',
    fixture('hang-suite.js'),
    '--strategies',
    'main-thread,worker-pool',
    '--rounds',
    '1',
    '--cell-timeout',
    '2',
    '--out',
    out,
  ]);
  assert.equal(result.code, NOTHING_MEASURED_EXIT, result.stderr); // every cell errored: nothing measured
  const run = readResults(out);
  assert.equal(run.complete, true);
  assert.equal(run.cells.length, 2, 'the second cell still ran after the first timed out');
  for (const cell of run.cells) {
    assert.equal(cell.status, 'errored');
    if (cell.status === 'errored') assert.match(cell.error.message, /timed out after 2s/);
  }
});
