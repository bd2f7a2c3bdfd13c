/**
 * A run in which no cell completed must fail a CI job: it still writes its results file,
 * says so in one line, and exits 4 (not 0; not 1, which is compare's regression).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';
import { NOTHING_MEASURED_EXIT } from '../scripts/cli/nothing-measured.js';

test('every cell errored: the results file is written and the run exits 4', async () => {
  const out = tempDir();
  const result = await runCli([
    'run',
    '--suite',
    fixture('faults/run-throws.js'),
    '--strategies',
    'main-thread,worker-pool',
    '--rounds',
    '1',
    '--phase-time',
    '40',
    '--no-report',
    '--out',
    out,
  ]);
  assert.equal(NOTHING_MEASURED_EXIT, 4);
  assert.equal(result.code, 4, result.stderr);
  assert.match(result.stderr, /^no cell completed \(2 errored or skipped: see their reasons above\): exit 4$/m);
  const run = readResults(out);
  assert.equal(run.complete, true);
  assert.deepEqual(
    run.cells.map((cell) => cell.status),
    ['errored', 'errored'],
  );
});
