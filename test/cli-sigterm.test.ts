/**
 * SIGTERM (a CI job's timeout, `kill`) stops a run like Ctrl-C, saving what was measured,
 * and exits 143 (128 + 15) as a shell reports it, so a script can tell it from Ctrl-C.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, readResults, startCli, tempDir } from './helpers/cli.js';
import { waitUntil } from './helpers/wait.js';

test('SIGTERM mid-run keeps the measured cells and exits 143', { skip: process.platform !== 'linux' }, async () => {
  const out = tempDir();
  const { child, done, stderr } = startCli([
    'run',
    '--suite',
    fixture('tiny-suite.js'),
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
  await waitUntil(() => /\[1\/6\]/.test(stderr()), 'the first cell to finish', { timeoutMs: 60_000 });
  child.kill('SIGTERM');
  const result = await done;
  assert.equal(result.code, 143, result.stderr);
  const run = readResults(out);
  assert.equal(run.complete, false);
  assert.equal(run.interruptedBy, 'SIGTERM');
  assert.ok(
    run.cells.some((cell) => cell.status === 'completed'),
    'what was measured before SIGTERM is kept',
  );
});
