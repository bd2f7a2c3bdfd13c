/**
 * A server that answered wrong during the warm-up is not verified: the warm-up resets the
 * counters for the measured window, but not the first wrong output, which errors the cell.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

test('a wrong output during the warm-up errors the http cell', async () => {
  const out = tempDir();
  const result = await runCli([
    'http',
    '--suite',
    fixture('wrong-at-first-suite.js'),
    '--strategies',
    'main-thread',
    '--duration',
    '1',
    '--warmup',
    '1',
    '--connections',
    '2',
    '--out',
    out,
  ]);
  // Its only cell errored, so nothing was measured: exit 4 (README), and the file says why.
  assert.equal(result.code, 4, result.stderr);
  const [cell] = readResults(out).cells;
  assert.equal(cell?.status, 'errored', JSON.stringify(cell).slice(0, 300));
  assert.equal(cell.verified, false);
  if (cell.status === 'errored') assert.match(cell.error.message, /wrong output\(s\) during the warm-up, answered 500: .*verify/);
});
