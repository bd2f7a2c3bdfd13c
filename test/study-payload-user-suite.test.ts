/**
 * `bench study payload --suite ./mine.js`: a user's suite swept over its own sizes, the bytes
 * each point carried measured from its structured values, every transport verified.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { test } from 'node:test';
import type { PayloadRunResult } from '../runners/contract/payload-study.js';
import { payloadStudyOf } from '../reports/payload-of.js';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

test("bench study payload --suite sweeps a user's suite and measures the bytes its values carry", async (t) => {
  const out = tempDir();
  t.after(() => rm(out, { recursive: true, force: true }));
  const args = ['study', 'payload', '--suite', fixture('structured-outputs-suite.js'), '--sizes', '2,64', '--rounds', '1'];
  const result = await runCli([...args, '--phase-time', '30', '--no-report', '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const study = payloadStudyOf(readResults<PayloadRunResult>(out) as never);
  assert.ok(study, 'a payload study block');
  assert.deepEqual(study.sizes, [2, 64]);
  for (const series of study.transports) {
    assert.deepEqual(
      series.points.map((p) => p.size),
      [2, 64],
      `${series.transport}: ${series.missing.join('; ')}`,
    );
    const [small, large] = series.points;
    assert.ok(large!.bytes > 2 * small!.bytes, `${series.transport}: the input grows with the size (${small!.bytes} → ${large!.bytes} B)`);
  }
  assert.match(study.answer[0]!, /^structured-outputs on node /);
  assert.doesNotMatch(study.answer.join(' '), /does not grow/);
});
