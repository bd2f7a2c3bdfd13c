/**
 * A worker thread that exits fails its cell with the exit, at once, on every runtime: a
 * dead worker must not be waited for until the cell times out (Bun's Web Worker fires
 * 'close' once, and a terminate() after it used to wait forever).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';
import { NOTHING_MEASURED_EXIT } from '../scripts/cli/nothing-measured.js';

test('a worker that exits errors its cell with the cause on node, bun and deno, not with a timeout', async () => {
  const out = tempDir();
  const result = await runCli([
    'run',
    '--suite',
    fixture('exit-in-worker-suite.js'),
    '--runtime',
    'node,bun,deno',
    '--strategies',
    'worker-per-task,worker-pool,shared-memory',
    '--rounds',
    '1',
    '--phase-time',
    '30',
    '--cell-timeout',
    '30',
    '--no-report',
    '--out',
    out,
  ]);
  assert.equal(result.code, NOTHING_MEASURED_EXIT, result.stderr); // every cell errored: nothing measured
  const run = readResults(out);
  assert.equal(run.cells.length, 9);
  for (const cell of run.cells) {
    const what = `${cell.runtime} × ${cell.strategy}`;
    assert.equal(cell.status, 'errored', `${what}: ${cell.status}`);
    if (cell.status !== 'errored') continue;
    assert.doesNotMatch(cell.error.message, /timed out/, `${what}: ${cell.error.message}`);
    assert.match(cell.error.message, /exited with code 7/, `${what}: ${cell.error.message}`);
  }
});
