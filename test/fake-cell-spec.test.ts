/**
 * What `bench run`'s flags put into each cell's spec, checked with the fake cell
 * (test/fixtures/fake-cell-entry.ts, through the BENCH_CELL_ENTRY test hook): it times
 * nothing and leaves every CellSpec it was started with in BENCH_FAKE_CELL_SPECS.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CellSpec } from '../runners/contract/protocol.js';
import { readResults, runCli, tempDir } from './helpers/cli.js';

const FAKE_CELL = fileURLToPath(new URL('./fixtures/fake-cell-entry.js', import.meta.url));

test('--phases, --in-flight-per-worker and --max-heap reach every cell spec', async () => {
  const out = tempDir();
  const specs = tempDir();
  const result = await runCli(
    [
      'run',
      '--suite',
      'fib',
      '--strategies',
      'worker-pool',
      '--phases',
      '--in-flight-per-worker',
      '3',
      '--max-heap',
      '300',
      '--quick',
      '--no-report',
      '--out',
      out,
    ],
    { BENCH_CELL_ENTRY: FAKE_CELL, BENCH_FAKE_CELL_SPECS: specs },
  );
  assert.equal(result.code, 0, result.stderr);

  const run = readResults(out);
  const received = readdirSync(specs).map((name) => JSON.parse(readFileSync(join(specs, name), 'utf8')) as CellSpec);
  assert.equal(received.length, run.config.rounds, 'one spec per round of the one cell');
  for (const spec of received) {
    assert.equal(spec.strategy, 'worker-pool');
    assert.equal(spec.phases, true);
    assert.equal(spec.inFlightPerWorker, 3);
    assert.equal(spec.thread.heapMb, 300);
    assert.equal(spec.transport, 'transfer');
  }
  assert.deepEqual(
    received.map((spec) => spec.round).sort((a, b) => a - b),
    Array.from({ length: run.config.rounds }, (_, i) => i + 1),
  );
  const [cell] = run.cells;
  assert.equal(cell?.status, 'completed', 'the fake outcomes pass as measured rounds');
});
