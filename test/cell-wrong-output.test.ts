import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';
import { NOTHING_MEASURED_EXIT } from '../scripts/cli/nothing-measured.js';

test('a strategy whose outputs fail verify makes an errored, unverified cell', async () => {
  const out = tempDir();
  const result = await runCli([
    'run',
    '--suite',
    fixture('wrong-suite.js'),
    '--strategies',
    'main-thread,process-pool',
    '--rounds',
    '1',
    '--phase-time',
    '30',
    '--out',
    out,
  ]);
  assert.equal(result.code, NOTHING_MEASURED_EXIT, result.stderr); // every cell errored: nothing measured
  for (const cell of readResults(out).cells) {
    assert.equal(cell.status, 'errored');
    assert.equal(cell.verified, false);
    if (cell.status === 'errored') assert.match(cell.error.message, /wrong output from wrong: verify\(\) rejected 6/);
  }
  assert.match(result.stdout, /ERRORED/);
});
