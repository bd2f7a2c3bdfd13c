/**
 * Fault matrix under `bench http`: run() changes its input (an in-place sort). The server
 * keeps its inputs per size and hands them out request after request, so main-thread would
 * go on sorting sorted data; a worker's copy hides the change. Either way each cell errors
 * with the same one line `bench run` gives, not a measurement of other work.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';
import { errorOf } from './helpers/fault-matrix.js';

const STRATEGIES = ['main-thread', 'worker-pool'];

test('run() mutating its input errors each http cell naming the breach', { skip: process.platform !== 'linux' }, async () => {
  const out = tempDir();
  const result = await runCli([
    'http',
    '--suite',
    fixture('faults/mutates-input.js'),
    '--strategies',
    STRATEGIES.join(','),
    '--workers',
    '1',
    '--duration',
    '0.3',
    '--warmup',
    '0',
    '--connections',
    '2',
    '--no-report',
    '--out',
    out,
  ]);
  // No cell completed: exit 4 (README).
  assert.equal(result.code, 4, result.stderr);
  const cells = readResults(out).cells;
  assert.deepEqual(
    cells.map((cell) => cell.strategy),
    STRATEGIES,
  );
  for (const cell of cells) {
    assert.match(
      errorOf(cell),
      /^run\(\) mutated its input \(makeInput\(64, \d+\), seen [^)]*\): run must not change its input; copy what it changes first \(e\.g\. input\.slice\(\)\)$/,
      cell.strategy,
    );
  }
});
