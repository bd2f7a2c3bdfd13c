import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunResult } from '../runners/contract/results.js';
import { fixture, startCli, tempDir } from './helpers/cli.js';
import { alive, descendants } from './helpers/processes.js';
import { waitUntil } from './helpers/wait.js';

test('SIGINT mid-run saves a valid, incomplete results file, exits 130 and leaves no process behind', {
  skip: process.platform !== 'linux',
}, async () => {
  const out = tempDir();
  const { child, done, stderr } = startCli([
    'run',
    '--suite',
    fixture('tiny-suite.js'),
    '--strategies',
    'main-thread,process-pool',
    '--rounds',
    '3',
    '--phase-time',
    '400',
    '--out',
    out,
  ]);
  // Wait until one cell has finished and the next (process-pool, with forked children) is running.
  await waitUntil(() => /\[1\/6\]/.test(stderr()), 'the first cell to finish', { timeoutMs: 60_000 });
  let family: number[] = [];
  for (let i = 0; i < 100 && family.length < 3; i++) {
    family = descendants(child.pid!);
    await sleep(30);
  }
  assert.ok(family.length >= 3, `expected the cell and its forked children, saw ${family.length} processes`);

  child.kill('SIGINT');
  const result = await done;
  assert.equal(result.code, 130, result.stderr);

  const files = readdirSync(out).filter((name) => name.endsWith('.json'));
  assert.equal(files.length, 1, 'exactly one results file, no temp files left');
  const run = JSON.parse(readFileSync(`${out}/${files[0]}`, 'utf8')) as RunResult;
  assert.equal(run.complete, false);
  assert.equal(run.interruptedBy, 'SIGINT');
  assert.ok(
    run.cells.some((cell) => cell.status === 'completed'),
    'what was measured before Ctrl-C is kept',
  );

  for (let i = 0; i < 40 && family.some(alive); i++) await sleep(50);
  assert.deepEqual(family.filter(alive), [], 'no cell, worker or child process survives');
});
