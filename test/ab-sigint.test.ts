/**
 * Ctrl-C during `bench ab` stops the running round, saves every pair measured so far in a
 * valid results file marked incomplete, exits 130 and leaves no cell process behind.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadResults } from '../reports/load-results.js';
import { startCli, tempDir } from './helpers/cli.js';
import { abArgs } from './helpers/ab-runs.js';
import { alive, descendants } from './helpers/processes.js';
import { waitUntil } from './helpers/wait.js';

test('SIGINT mid-run: exit 130, a valid incomplete results file with the pairs measured, no process left', {
  skip: process.platform !== 'linux',
}, async () => {
  const out = tempDir();
  const { child, done } = startCli(abArgs(out, { maxRounds: 30 }));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await waitUntil(() => /pair 2\/30/.test(stderr), 'two pairs to finish', { timeoutMs: 60_000 });
  let family: number[] = [];
  for (let i = 0; i < 100 && family.length === 0; i++) {
    family = descendants(child.pid!);
    await sleep(20);
  }
  child.kill('SIGINT');
  const result = await done;
  assert.equal(result.code, 130, result.stderr);

  const files = readdirSync(out).filter((name) => name.endsWith('.json'));
  assert.equal(files.length, 1, 'one results file, no temp file left');
  const run = await loadResults(join(out, files[0]!));
  assert.equal(run.complete, false);
  assert.equal(run.interruptedBy, 'SIGINT');
  const rounds = run.ab?.cells.flatMap((cell) => cell.rounds) ?? [];
  assert.ok(rounds.length >= 4, `the pairs measured before Ctrl-C are kept (${rounds.length} rounds)`);
  assert.ok(
    run.cells.some((cell) => cell.status === 'completed'),
    "the head's rounds so far, aggregated",
  );

  for (let i = 0; i < 40 && family.some(alive); i++) await sleep(50);
  assert.deepEqual(family.filter(alive), [], 'no cell, worker or child process survives');
});
