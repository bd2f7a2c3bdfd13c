import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StudyRunResult } from '../runners/contract/study.js';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

test('bench study workers runs each pool at every count, adds the baseline, and writes the scaling analysis into the results file', async () => {
  const out = tempDir();
  const result = await runCli([
    'study',
    'workers',
    '--suite',
    fixture('tiny-suite.js'),
    '--strategies',
    'worker-pool',
    '--workers-list',
    '1,2,3',
    '--rounds',
    '1',
    '--phase-time',
    '40',
    '--json',
    '--no-report',
    '--out',
    out,
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /note: main-thread added to --strategies: it is the baseline/);
  assert.match(result.stderr, /study workers: worker counts 1, 2, 3 × 2 strategies = 4 cells × 1 rounds = 4 cell rounds; estimated/);
  const printed = JSON.parse(result.stdout) as StudyRunResult;
  const saved: StudyRunResult = readResults(out);
  assert.deepEqual(printed, saved, '--json prints the file as saved, study block included');

  assert.deepEqual(saved.cells.map((c) => `${c.strategy}×${c.workers}`).sort(), [
    'main-thread×1',
    'worker-pool×1',
    'worker-pool×2',
    'worker-pool×3',
  ]);
  const study = saved.study;
  assert.ok(study);
  assert.equal(study.kind, 'workers');
  assert.deepEqual(study.workersList, [1, 2, 3]);
  const pool = study.scaling.find((s) => s.strategy === 'worker-pool');
  assert.ok(pool);
  assert.deepEqual(
    pool.points.map((p) => p.workers),
    [1, 2, 3],
  );
  for (const p of pool.points) {
    assert.ok(p.efficiency !== null && p.efficiency > 0, `efficiency at ${p.workers}`);
    assert.equal(p.overCores, p.workers > study.cores);
  }
  assert.equal(pool.usl, null);
  assert.match(pool.uslReason ?? '', /too few points/);
  assert.ok(study.answer.length === 1 && /No USL fit: too few points/.test(study.answer[0]!), study.answer.join('\n'));
});
