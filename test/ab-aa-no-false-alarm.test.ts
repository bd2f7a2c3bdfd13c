/**
 * A/A: two files of the same workload, neither slowed, measured by `bench ab --against`: no
 * cell may be called regressed, and the results file holds both sides' rounds, paired and in
 * the order they ran, and loads through the loader like any run of the head.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResults } from '../reports/load-results.js';
import { runCli, tempDir } from './helpers/cli.js';
import { abArgs } from './helpers/ab-runs.js';

test('A/A bench ab --against calls no cell regressed and saves both sides paired rounds in a file the loader accepts', async () => {
  const out = tempDir();
  const result = await runCli(abArgs(out, { extra: ['--json'] }));
  assert.equal(result.code, 0, result.stderr);
  const summary = JSON.parse(result.stdout) as { regressed: boolean; exitCode: number; cells: Array<{ verdict: string }> };
  assert.equal(summary.regressed, false);
  assert.equal(summary.exitCode, 0);
  assert.equal(summary.cells.length, 2);
  assert.ok(
    summary.cells.every((cell) => cell.verdict !== 'regressed'),
    JSON.stringify(summary.cells),
  );

  const file = readdirSync(out).find((name) => name.endsWith('.json'));
  assert.ok(file, 'a results file');
  const run = await loadResults(join(out, file));
  assert.equal(run.complete, true);
  assert.ok(run.ab, 'an ab block');
  assert.equal(run.ab.aa, false);
  assert.match(run.ab.sides.a.suitePath ?? '', /base\/knob\.js$/);
  assert.match(run.ab.sides.b.suitePath ?? '', /head\/knob\.js$/);

  const positions = run.ab.cells.flatMap((cell) => cell.rounds.map((round) => round.position)).sort((x, y) => x - y);
  assert.deepEqual(positions, [...positions.keys()], 'every round has its own place in the order they ran');
  for (const cell of run.ab.cells) {
    const pairs = new Set(cell.rounds.map((round) => round.pair));
    assert.ok(pairs.size >= 8, `${cell.key.strategy}: 8 pairs`);
    for (const pair of pairs) {
      const [first, second] = cell.rounds.filter((round) => round.pair === pair);
      assert.ok(first && second, `pair ${pair} has two rounds`);
      assert.notEqual(first.side, second.side, `pair ${pair} is one round of each side`);
      assert.equal(second.position, first.position + 1, `pair ${pair}'s rounds ran next to each other`);
    }
    // Blocks of two pairs: ABBA or BAAB, so each side runs first once per block.
    for (let pair = 0; pair + 1 < pairs.size; pair += 2) {
      const sides = cell.rounds.filter((round) => round.pair === pair || round.pair === pair + 1).map((round) => round.side);
      assert.ok(['abba', 'baab'].includes(sides.join('')), `block ${pair / 2} is ${sides.join('')}`);
    }
    // The top-level cells are the head's: side B's rounds, aggregated as `bench run` does.
    const top = run.cells.find((c) => c.strategy === cell.key.strategy);
    assert.equal(top?.status, 'completed');
    const headRates = cell.rounds.filter((round) => round.side === 'b').map((round) => round.sample.tasksPerSec);
    assert.deepEqual(top?.status === 'completed' && top.scenario === 'batch' ? top.throughput.rounds : [], headRates);
  }
});
