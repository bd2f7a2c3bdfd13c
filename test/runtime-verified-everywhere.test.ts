import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STRATEGY_NAMES } from '../runners/strategies/index.js';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

test('every strategy returns verified outputs on node, bun, bun --smol and deno', async () => {
  const out = tempDir();
  const result = await runCli([
    'run',
    '--suite',
    fixture('tiny-suite.js'),
    '--runtime',
    'node,bun,deno',
    '--bun-smol',
    '--rounds',
    '1',
    '--phase-time',
    '30',
    '--no-report',
    '--out',
    out,
  ]);
  assert.equal(result.code, 0, result.stderr);
  const run = readResults(out);
  assert.deepEqual(Object.keys(run.context.runtimes ?? {}).sort(), ['bun', 'bun-smol', 'deno', 'node']);
  assert.equal(run.cells.length, 4 * STRATEGY_NAMES.length);
  for (const cell of run.cells) {
    assert.equal(cell.status, 'completed', `${cell.runtime} × ${cell.strategy}: ${JSON.stringify(cell).slice(0, 300)}`);
    assert.equal(cell.verified, true);
  }
  assert.match(result.stdout, /^bun-smol 1\.4\.5 +worker-pool/m);
});
