/**
 * A suite that starts a worker thread at import — one that never ends and is not unref'd —
 * starts it in the processes that import it, the suite probe and its cells, which end by
 * exiting; never in the CLI, which ends when it runs out of work (bench.ts sets exitCode and
 * returns). So `bench run` ends by itself, and on Ctrl-C ends at once with what it measured.
 * Loaded in the CLI, the worker kept its event loop alive: the run printed its results and
 * never exited, and Ctrl-C saved the partial file but left the CLI running — both tests below
 * would hit their deadlines.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, startCli, tempDir } from './helpers/cli.js';
import { assertContainedOn, newMarker, processesMarked, runFaultOn } from './helpers/fault-matrix.js';
import { assertIncomplete, EXIT } from './helpers/signals.js';
import { waitUntil } from './helpers/wait.js';

const FAULT = 'faults/worker-at-import.js';
const STRATEGIES = ['main-thread', 'process-pool'];
const notLinux = process.platform !== 'linux';

test('a worker started at import: bench run ends by itself, every cell completed', { skip: notLinux }, async () => {
  const result = await runFaultOn(FAULT, STRATEGIES, { extraArgs: ['--workers', '2', '--quick'], deadlineMs: 90_000 });
  assertContainedOn(result, STRATEGIES, () => 'completed');
});

test('a worker started at import: on SIGINT bench run ends promptly with what it measured', { skip: notLinux }, async () => {
  const out = tempDir();
  const marker = newMarker();
  const { child, done, stderr } = startCli(
    [
      'run',
      '--suite',
      `${fixture(FAULT)},${fixture('tiny-suite.js')}`,
      '--strategies',
      STRATEGIES.join(','),
      '--workers',
      '2',
      '--rounds',
      '1',
      '--phase-time',
      '1000',
      '--no-report',
      '--out',
      out,
    ],
    { ...marker.env, TMPDIR: tempDir('bench-test-tmp-') },
  );
  try {
    // One cell measured and saved, the next one running.
    await waitUntil(() => /\[1\/4\]/.test(stderr()), 'the first cell to finish', { timeoutMs: 60_000 });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  child.kill('SIGINT');
  // Prompt: the running cell is stopped and the file saved, well inside this on a busy machine.
  const deadline = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const result = await done;
  clearTimeout(deadline);
  assert.equal(result.signal, null, `the CLI ended by itself within 15 s of SIGINT; stderr: ${result.stderr.slice(-2000)}`);
  assert.equal(result.code, EXIT.SIGINT, result.stderr.slice(-2000));
  const run = await assertIncomplete(out, 'SIGINT');
  assert.ok(
    run.cells.some((cell) => cell.status === 'completed'),
    'what was measured before Ctrl-C is kept',
  );
  assert.deepEqual(
    readdirSync(out).filter((name) => !name.endsWith('.json')),
    [],
    'no marker or temp file is left',
  );
  await waitUntil(() => processesMarked(marker.needle).length === 0, 'every process of the run to end', { timeoutMs: 10_000 }).catch(
    () => {},
  );
  assert.deepEqual(processesMarked(marker.needle), [], 'no process the run started is left');
});
