/**
 * Fault matrix under `bench http`: run() allocates without bound, off the JS heap where no
 * heap flag reaches. The benchmark server is under the same memory watchdog as cells, with
 * --max-heap's budget, so each cell errors naming the cause in one line, the next strategy
 * still runs, and nothing is left running.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';
import { errorOf, newMarker, processesMarked } from './helpers/fault-matrix.js';
import { waitUntil } from './helpers/wait.js';

const STRATEGIES = ['main-thread', 'worker-pool'];

test('an allocation without bound in the http server errors its cell with "ran out of its 64 MiB heap"', {
  skip: process.platform !== 'linux' ? 'the watchdog reads /proc (Linux)' : false,
}, async () => {
  const out = tempDir();
  const marker = newMarker();
  const result = await runCli(
    [
      'http',
      '--suite',
      fixture('faults/oom-off-heap.js'),
      '--strategies',
      STRATEGIES.join(','),
      '--workers',
      '1',
      '--max-heap',
      '64',
      '--duration',
      '0.3',
      '--warmup',
      '0',
      '--connections',
      '2',
      '--no-report',
      '--out',
      out,
    ],
    marker.env,
  );
  // No cell completed: exit 4 (README).
  assert.equal(result.code, 4, result.stderr);
  const cells = readResults(out).cells;
  assert.deepEqual(
    cells.map((cell) => cell.strategy),
    STRATEGIES,
  );
  for (const cell of cells) {
    assert.match(
      errorOf(cell),
      /^server process was ended by bench: ran out of its 64 MiB heap \(peak RSS \d+ MiB across \d+ process(es)?, over the budget of 2 × \(64 \+ 256\) = 640 MiB for the server and its 1 worker\); raise --max-heap if the suite needs more$/,
      cell.strategy,
    );
  }
  await waitUntil(() => processesMarked(marker.needle).length === 0, "the run's processes to end", { timeoutMs: 5_000 }).catch(() => {});
  assert.deepEqual(processesMarked(marker.needle), []);
});
