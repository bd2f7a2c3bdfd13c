import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletedCell } from '../runners/contract/results.js';
import { PHASE_NAMES } from '../runners/contract/phases.js';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

test('--phases: spawn dominates a tiny task under the per-task strategies; main-thread has no spawn and no send', async () => {
  const out = tempDir();
  const result = await runCli([
    'run',
    '--suite',
    fixture('tiny-suite.js'),
    '--size',
    '1000',
    '--strategies',
    'main-thread,worker-per-task,process-per-task',
    '--phases',
    '--rounds',
    '1',
    '--phase-time',
    '60',
    '--no-report',
    '--out',
    out,
  ]);
  assert.equal(result.code, 0, result.stderr);
  const cells = readResults(out).cells as CompletedCell[];
  for (const cell of cells) {
    assert.equal(cell.status, 'completed', JSON.stringify(cell));
    const phases = cell.phases!;
    const means = PHASE_NAMES.flatMap((name) => (phases[name] === null ? [] : [[name, phases[name]!.mean] as const]));
    const total = means.reduce((sum, [, mean]) => sum + mean, 0);
    if (cell.strategy === 'main-thread') {
      assert.equal(phases.spawnMs, null);
      assert.equal(phases.sendMs, null);
      assert.equal(phases.queueSendMs, null);
      assert.ok(phases.queueMs && phases.runMs && phases.returnMs);
      continue;
    }
    const [largest] = [...means].sort((a, b) => b[1] - a[1]);
    assert.equal(largest?.[0], 'spawnMs', `${cell.strategy}: ${JSON.stringify(means)}`);
    assert.ok(phases.spawnMs!.mean / total > 0.5, `${cell.strategy}: spawn is ${phases.spawnMs!.mean} of ${total} ms`);
    assert.ok(cell.loadedPhases!.spawnMs!.mean > 0);
  }
  assert.match(result.stdout, /worker-per-task .* spawn \d+% run \d+%/);
});
