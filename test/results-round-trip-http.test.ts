/**
 * A `bench http` file reads back: report, compare and history take its latency, event-loop and
 * health figures, on Node (node:http), Bun (Bun.serve) and Deno (Deno.serve) alike, with each
 * runtime's server alone (GET /noop) recorded beside its cells.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RunResult, RuntimeName } from '../runners/contract/results.js';
import { tempDir } from './helpers/cli.js';
import { assertReadsBack, missingRuntime, produce } from './helpers/round-trip.js';

const HTTP = [
  'http',
  '--suite',
  'fib',
  '--size',
  '20',
  '--strategies',
  'main-thread,worker-pool',
  '--connections',
  '2',
  '--duration',
  '1',
  '--warmup',
  '0',
  '--no-report',
];

test('bench http writes a file report, compare and history read back, on every runtime it serves on', async (t) => {
  const history = join(tempDir(), 'history.jsonl');
  for (const runtime of ['node', 'bun', 'deno'] as const satisfies readonly RuntimeName[]) {
    await t.test(`bench http on ${runtime}`, async (st) => {
      const missing = missingRuntime(runtime);
      if (missing !== undefined) return st.skip(missing);
      const file = await produce(`bench http on ${runtime}`, [...HTTP, '--runtime', runtime]);
      const written = JSON.parse(readFileSync(file, 'utf8')) as RunResult;
      assert.ok(
        written.cells.every((cell) => cell.runtime === runtime),
        `every cell records the runtime that served it: ${written.cells.map((c) => c.runtime).join(', ')}`,
      );
      assert.deepEqual(
        written.noop?.map((n) => n.runtime),
        [runtime],
        'its server alone is recorded',
      );
      await assertReadsBack(file, `bench http on ${runtime}`, history);
    });
  }
});
