import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median } from '../runners/common/stats.js';
import { STRATEGY_NAMES } from '../runners/strategies/index.js';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

test('bench run measures a suite file under every strategy and writes a complete results file', async () => {
  const out = tempDir();
  const result = await runCli(['run', '--suite', fixture('tiny-suite.js'), '--rounds', '2', '--phase-time', '60', '--out', out]);
  assert.equal(result.code, 0, result.stderr);

  const run = readResults(out);
  assert.equal(run.schemaVersion, 2);
  assert.equal(run.complete, true);
  assert.equal(run.context.runtime.name, 'node');
  assert.equal(run.cells.length, STRATEGY_NAMES.length);
  for (const cell of run.cells) {
    assert.equal(cell.status, 'completed', `${cell.strategy}: ${JSON.stringify(cell)}`);
    if (cell.status !== 'completed' || cell.scenario !== 'batch') continue;
    assert.equal(cell.verified, true);
    assert.equal(cell.rounds.length, 2);
    assert.ok(cell.throughput.tasksPerSec > 0);
    // The headline figure is the median of the rounds stored beside it.
    const [a, b] = cell.throughput.rounds;
    assert.equal(cell.throughput.tasksPerSec, median([a!, b!]));
    assert.ok(cell.rounds.every((round) => round.verifiedOutputs > round.tasks));
  }
  for (const name of STRATEGY_NAMES) assert.match(result.stdout, new RegExp(`^node [\\d.]+ +${name} `, 'm'));
});
