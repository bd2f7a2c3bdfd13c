/**
 * An HTTP cell whose every request failed on the server says why: its reason quotes the
 * server's first failure (here run() throwing), not only the count of 5xx answers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';
import { errorOf } from './helpers/fault-matrix.js';

const STRATEGIES = ['main-thread', 'worker-pool'];

test("a run() that throws: the http cell's reason quotes the server's first error", async () => {
  const out = tempDir();
  const result = await runCli([
    'http',
    '--suite',
    fixture('faults/run-throws.js'),
    '--strategies',
    STRATEGIES.join(','),
    '--duration',
    '0.3',
    '--warmup',
    '0',
    '--connections',
    '2',
    '--out',
    out,
  ]);
  // No cell completed, so nothing was measured: exit 4 (README).
  assert.equal(result.code, 4, result.stderr);
  const cells = readResults(out).cells;
  assert.deepEqual(
    cells.map((cell) => cell.strategy),
    STRATEGIES,
  );
  for (const cell of cells) {
    assert.match(
      errorOf(cell),
      /^no request was answered 2xx \(.*other 5xx\): the server's first failure: GET \/fault-run-throws\?size=1: run\(\) threw RangeError: fault-run-throws: run refused its input$/,
      cell.strategy,
    );
  }
});
