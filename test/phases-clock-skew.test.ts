import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLOCK_SKEW_ENV, PHASE_NAMES } from '../runners/contract/phases.js';
import type { CompletedCell } from '../runners/contract/results.js';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

// Workers and children see their clock 250 ms ahead (or behind) of the cell's. Uncorrected,
// send would read ≈ +250 ms and return ≈ −250 ms (or the other way round).
for (const skew of ['250', '-250']) {
  test(`a ${skew} ms clock skew of the workers and children is measured away and no phase goes negative`, async () => {
    const out = tempDir();
    const result = await runCli(
      [
        'run',
        '--suite',
        fixture('spin-suite.js'),
        '--size',
        '3',
        '--strategies',
        'worker-pool,process-pool,piscina',
        '--phases',
        '--rounds',
        '1',
        '--phase-time',
        '100',
        '--no-report',
        '--out',
        out,
      ],
      { [CLOCK_SKEW_ENV]: skew },
    );
    assert.equal(result.code, 0, result.stderr);
    for (const cell of readResults(out).cells as CompletedCell[]) {
      assert.equal(cell.status, 'completed', JSON.stringify(cell));
      for (const round of cell.rounds) {
        for (const view of [round.phases!.unloaded, round.phases!.loaded]) {
          for (const name of PHASE_NAMES) {
            const samples = view[name]?.samplesMs ?? [];
            assert.ok(
              samples.every((ms) => ms >= 0),
              `${cell.strategy} ${name}: ${samples.find((ms) => ms < 0)}`,
            );
          }
        }
      }
      const phases = cell.phases!;
      const handOff = (phases.sendMs ?? phases.queueSendMs)!.p50 + phases.returnMs!.p50;
      assert.ok(handOff < 50, `${cell.strategy}: send + return ${handOff} ms, the skew was not removed`);
      const sum = PHASE_NAMES.reduce((total, name) => total + (phases[name]?.mean ?? 0), 0);
      assert.ok(Math.abs(sum / cell.latency.meanMs - 1) <= 0.05, `${cell.strategy}: phases ${sum} vs latency ${cell.latency.meanMs}`);
    }
  });
}
