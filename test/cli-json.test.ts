import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunResult } from '../runners/contract/results.js';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

test('bench run --json prints the same RunResult that it writes', async () => {
  const out = tempDir();
  const result = await runCli([
    'run',
    '--suite',
    fixture('tiny-suite.js'),
    '--strategies',
    'main-thread,worker-pool',
    '--rounds',
    '1',
    '--phase-time',
    '40',
    '--json',
    '--out',
    out,
  ]);
  assert.equal(result.code, 0, result.stderr);
  const printed = JSON.parse(result.stdout) as RunResult;
  assert.deepEqual(printed, readResults(out));
  assert.deepEqual(
    printed.cells.map((cell) => cell.strategy),
    ['main-thread', 'worker-pool'],
  );
});
