import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StudyRunResult } from '../runners/contract/study.js';
import { fixture, readResults, startCli, tempDir } from './helpers/cli.js';
import { waitUntil } from './helpers/wait.js';

test('Ctrl-C during a study saves what was measured, marked incomplete, with the analysis run on it, and exits 130', async () => {
  const out = tempDir();
  const { child, done, stderr } = startCli([
    'study',
    'size',
    '--suite',
    fixture('tiny-suite.js'),
    '--sizes',
    '1000,20000',
    '--strategies',
    'main-thread,worker-pool',
    '--rounds',
    '3',
    '--phase-time',
    '300',
    '--no-report',
    '--out',
    out,
  ]);
  await waitUntil(() => /\[4\/12\]/.test(stderr()), 'the first round of every cell to finish', { timeoutMs: 60_000 });
  child.kill('SIGINT');
  const result = await done;
  assert.equal(result.code, 130, result.stderr);

  const run: StudyRunResult = readResults(out);
  assert.equal(run.complete, false);
  assert.equal(run.interruptedBy, 'SIGINT');
  assert.ok(run.study, 'the study block is written on interruption too');
  assert.equal(run.study.complete, false);
  const pool = run.study.crossovers.find((c) => c.strategy === 'worker-pool');
  assert.ok(pool && pool.ratios.length === 2, 'both sizes were measured once and are analysed');
  assert.match(run.study.answer[0] ?? '', /interrupted: from the cells measured so far/);
  assert.match(result.stdout, /Crossovers/);
});
