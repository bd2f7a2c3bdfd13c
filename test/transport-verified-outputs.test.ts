/**
 * Every transport carries the echo suite's payload there and back with verified outputs on
 * Node, and every cell names the transport it ran with: `bench run --transport` measures
 * each strategy once per transport it can use, the table tells them apart, and sizes take
 * k/m suffixes.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { test } from 'node:test';
import type { CompletedCell } from '../runners/contract/results.js';
import { readResults, runCli, tempDir } from './helpers/cli.js';

test('clone, transfer, shared-memory, json and advanced each return verified echo outputs, and each cell names its transport', async (t) => {
  const out = tempDir();
  t.after(() => rm(out, { recursive: true, force: true }));
  const result = await runCli([
    'run',
    '--suite',
    'echo',
    '--size',
    '4k',
    '--strategies',
    'worker-pool,shared-memory,process-pool',
    '--transport',
    'clone,transfer,shared-memory,json,advanced',
    '--workers',
    '1',
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
  assert.deepEqual(run.config.transports, ['clone', 'transfer', 'shared-memory', 'json', 'advanced']);
  assert.deepEqual(run.config.sizes, { echo: 4096 }, '--size 4k is 4,096 bytes');
  const named = run.cells.map((cell) => `${cell.strategy}/${cell.transport}`).sort();
  assert.deepEqual(named, [
    'process-pool/advanced',
    'process-pool/json',
    'shared-memory/shared-memory',
    'worker-pool/clone',
    'worker-pool/transfer',
  ]);
  for (const cell of run.cells) {
    assert.equal(cell.status, 'completed', `${cell.strategy}/${cell.transport}: ${JSON.stringify(cell)}`);
    assert.ok((cell as CompletedCell).rounds[0]!.verifiedOutputs > 0, `${cell.transport}: outputs verified`);
  }
  // The table names the transport where one strategy ran with two.
  assert.match(result.stdout, /worker-pool \(clone\)/);
  assert.match(result.stdout, /worker-pool \(transfer\)/);
  assert.match(result.stdout, /process-pool \(advanced\)/);
});
