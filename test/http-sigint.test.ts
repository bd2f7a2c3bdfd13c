import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { readResults, startCli, tempDir } from './helpers/cli.js';
import { alive, descendants } from './helpers/processes.js';

test('Ctrl-C during bench http keeps the measured cells, marks the file incomplete, exits 130, leaves nothing behind', {
  skip: process.platform !== 'linux',
}, async () => {
  const out = tempDir();
  const { child, done, stderr } = startCli([
    'http',
    '--suite',
    'fib',
    '--size',
    '20',
    '--strategies',
    'main-thread,process-pool',
    '--connections',
    '4',
    '--duration',
    '1',
    '--warmup',
    '0',
    '--out',
    out,
  ]);
  // Wait until main-thread is measured and process-pool's server (with its forked children) is up.
  for (let i = 0; i < 400 && !/\[1\/2\]/.test(stderr()); i++) await sleep(25);
  let family: number[] = [];
  for (let i = 0; i < 200 && family.length < 3; i++) {
    family = descendants(child.pid!);
    await sleep(25);
  }
  assert.ok(family.length >= 3, `expected the server and its children, saw ${family.length} processes`);

  child.kill('SIGINT');
  const result = await done;
  assert.equal(result.code, 130, result.stderr);
  const run = readResults(out);
  assert.equal(run.complete, false);
  assert.equal(run.interruptedBy, 'SIGINT');
  assert.equal(run.cells[0]?.status, 'completed', 'main-thread, measured before Ctrl-C, is kept');
  assert.equal(run.cells[1]?.status, 'skipped');

  for (let i = 0; i < 40 && family.some(alive); i++) await sleep(50);
  assert.deepEqual(family.filter(alive), [], 'no server or child survives');
});
