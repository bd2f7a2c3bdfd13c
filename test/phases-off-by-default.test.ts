import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

test('without --phases nothing of phase timing reaches the results file or the table', async () => {
  const out = tempDir();
  const result = await runCli([
    'run',
    '--suite',
    fixture('tiny-suite.js'),
    '--strategies',
    'main-thread,worker-pool',
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
  assert.equal('phases' in run.config, false);
  for (const cell of run.cells) {
    assert.equal('phases' in cell, false, cell.strategy);
    assert.equal('loadedPhases' in cell, false, cell.strategy);
    for (const round of 'rounds' in cell ? cell.rounds : []) assert.equal('phases' in round, false);
  }
  assert.doesNotMatch(result.stdout.split('\n').find((line) => line.includes('strategy')) ?? '', /phases/);
});
