/**
 * A suite that takes a knob from the environment runs under every strategy on every
 * runtime: Deno cells get environment access whether or not they fork.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

test('a suite reading the environment completes under every strategy on node, bun and deno', async () => {
  const out = tempDir();
  const result = await runCli(
    [
      'run',
      '--suite',
      fixture('env-factor-suite.js'),
      '--runtime',
      'node,bun,deno',
      '--rounds',
      '1',
      '--phase-time',
      '30',
      '--no-report',
      '--out',
      out,
    ],
    { BENCH_FIXTURE_FACTOR: '3' },
  );
  assert.equal(result.code, 0, result.stderr);
  for (const cell of readResults(out).cells) {
    assert.equal(
      cell.status,
      'completed',
      `${cell.runtime} × ${cell.strategy}: ${cell.status === 'errored' ? cell.error.message : cell.status}`,
    );
  }
});
