/**
 * `bench ab --phases` times the phases of every round of both sides, as `bench run --phases`
 * does: the A/B side's cells start through the same launch (runners/orchestrate/launch-cell.ts),
 * so the flag the results file records is the flag the cells got.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readResults, runCli, tempDir } from './helpers/cli.js';

test('bench ab --phases writes phase data into every round of its ab block', { timeout: 120_000 }, async () => {
  const out = tempDir();
  const result = await runCli([
    'ab',
    '--aa',
    '--suite',
    'fib',
    '--size',
    '20',
    '--phases',
    '--quick',
    '--phase-time',
    '60',
    '--max-rounds',
    '8',
    '--strategies',
    'main-thread,worker-pool',
    '--no-report',
    '--out',
    out,
  ]);
  assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}:\n${result.stderr}`);
  const run = readResults(out);
  assert.equal(run.config.phases, true);
  const cells = run.ab?.cells ?? [];
  assert.deepEqual(
    cells.map((cell) => cell.key.strategy),
    ['main-thread', 'worker-pool'],
  );
  for (const cell of cells) {
    assert.equal(cell.rounds.length, 16, `${cell.key.strategy}: 8 pairs, both sides`);
    for (const { side, pair, sample } of cell.rounds) {
      const where = `${cell.key.strategy} side ${side} pair ${pair}`;
      assert.ok(sample.phases, `${where}: no phases`);
      assert.equal(sample.phases.unloaded.count, sample.latencyCount, `${where}: every unloaded task timed`);
      assert.ok(sample.phases.loaded.count > 0, `${where}: the batch's tasks timed`);
      assert.ok(sample.phases.unloaded.runMs !== null, `${where}: a run phase`);
    }
  }
});
