/**
 * A study times one task per size before it starts, for its estimate. That is the suite's
 * code, and it runs in the suite probe, a process of its own, not on the CLI's thread: a suite that
 * hangs there must leave the CLI able to hear SIGTERM (on its thread, the spinning task kept
 * the handler from ever running and the study from ever ending) and end with 143, an
 * incomplete results file and nothing running.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, tempDir } from './helpers/cli.js';
import { assertIncomplete, interrupt } from './helpers/signals.js';

test('SIGTERM while the suite hangs in the study estimate: the CLI still hears it, exits 143, leaves nothing', {
  skip: process.platform !== 'linux',
}, async () => {
  const out = tempDir();
  const started = join(tempDir(), 'started');
  const result = await interrupt(
    [
      'study',
      'size',
      '--suite',
      fixture('faults/hang-announced.js'),
      '--sizes',
      '1,2',
      '--strategies',
      'worker-pool',
      '--rounds',
      '1',
      '--cell-timeout',
      '60',
      '--no-report',
      '--out',
      out,
    ],
    () => existsSync(started) && readFileSync(started, 'utf8') !== '',
    'SIGTERM',
    { BENCH_TEST_STARTED: started },
  );
  assert.equal(result.code, 143, result.stderr);
  const run = await assertIncomplete(out, 'SIGTERM');
  assert.ok(
    run.cells.every((cell) => cell.status === 'skipped'),
    'stopped before any cell ran',
  );
});
