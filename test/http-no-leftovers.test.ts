import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixture, readResults, startCli, tempDir } from './helpers/cli.js';
import { alive, descendants } from './helpers/processes.js';

test('bench http under every strategy leaves no server, worker, child or cluster process behind', {
  skip: process.platform !== 'linux',
}, async () => {
  const out = tempDir();
  const { child, done } = startCli([
    'http',
    '--suite',
    fixture('tiny-suite.js'),
    '--connections',
    '4',
    '--amount',
    '40',
    '--warmup',
    '0',
    '--out',
    out,
  ]);
  // Watch the process table while it runs: every process the run starts descends from the CLI.
  const seen = new Set<number>();
  let finished = false;
  void done.then(() => {
    finished = true;
  });
  for (let i = 0; i < 400 && !finished; i++) {
    for (const pid of descendants(child.pid!)) seen.add(pid);
    await sleep(25);
  }
  const result = await done;
  assert.equal(result.code, 0, result.stderr);
  assert.ok(
    readResults(out).cells.every((cell) => cell.status === 'completed'),
    'every strategy was measured',
  );
  // Servers, process-pool children and cluster processes: at least one each for two strategies.
  assert.ok(seen.size >= 4, `expected servers and their children during the run, saw ${seen.size} processes`);

  for (let i = 0; i < 40 && [...seen].some(alive); i++) await sleep(50);
  assert.deepEqual([...seen].filter(alive), [], 'no process of the run survives it');
});
