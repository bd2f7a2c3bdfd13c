/**
 * Every strategy carries every output the suite contract allows: two views of one buffer
 * (worker strategies used to die of a DataCloneError) and NaN/±Infinity (process strategies
 * used to crash the cell decoding JSON's null).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STRATEGY_NAMES } from '../runners/strategies/index.js';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

test('two views of one buffer and non-finite numbers come back verified from every strategy', async () => {
  const out = tempDir();
  const result = await runCli([
    'run',
    '--suite',
    fixture('odd-outputs-suite.js'),
    '--rounds',
    '1',
    '--phase-time',
    '30',
    '--no-report',
    '--out',
    out,
  ]);
  assert.equal(result.code, 0, result.stderr);
  const run = readResults(out);
  assert.equal(run.cells.length, STRATEGY_NAMES.length);
  for (const cell of run.cells) {
    assert.equal(cell.status, 'completed', `${cell.strategy}: ${JSON.stringify(cell).slice(0, 300)}`);
    assert.equal(cell.verified, true);
  }
});
