/**
 * `bench http --phases` means what `bench run --phases` means, per request: its task split into
 * queue, send, run and return (a pool's; main-thread has no send), and around it the server's
 * own parse and respond time. The table says where the time went; without the flag nothing is timed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HttpCompletedCell } from '../runners/contract/results.js';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

test("bench http --phases splits each request into the server's parse and respond and its task's phases", async () => {
  const out = tempDir();
  const args = ['http', '--suite', fixture('tiny-suite.js'), '--size', '1000', '--strategies', 'main-thread,worker-pool'];
  const result = await runCli([
    ...args,
    '--workers',
    '2',
    '--phases',
    '--duration',
    '0.3',
    '--warmup',
    '0',
    '--connections',
    '2',
    '--no-report',
    '--out',
    out,
  ]);
  assert.equal(result.code, 0, result.stderr);
  const { cells, config } = readResults(out);
  assert.equal(config.phases, true);
  for (const cell of cells as HttpCompletedCell[]) {
    assert.equal(cell.status, 'completed', cell.strategy);
    const phases = cell.phases;
    assert.ok(phases && phases.count > 0, `${cell.strategy}: requests timed`);
    for (const name of ['parseMs', 'queueMs', 'runMs', 'returnMs', 'respondMs'] as const) {
      assert.ok(phases[name] !== null, `${cell.strategy}: ${name}`);
    }
    assert.equal(phases.sendMs === null, cell.strategy === 'main-thread', `${cell.strategy}: a send only where the task leaves the thread`);
  }
  assert.match(result.stdout, /^Where a request's time went/m);
  assert.match(result.stdout, /^strategy\s+workers\s+requests\s+parse\s+queue\s+send\s+run\s+return\s+respond$/m);
});
