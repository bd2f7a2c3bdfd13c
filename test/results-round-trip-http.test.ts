/**
 * A `bench http` file reads back: report, compare and history take its latency, event-loop and
 * health figures. On Bun and Deno too once `bench http` takes --runtime (until then it serves
 * on node only, and those runtimes are skipped saying so).
 */
import { join } from 'node:path';
import { test } from 'node:test';
import type { RuntimeName } from '../runners/contract/results.js';
import { runCli, tempDir } from './helpers/cli.js';
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
  const help = await runCli(['http', '--help']);
  const takesRuntime = /^\s+--runtime\b/m.test(help.stdout);
  for (const runtime of ['node', 'bun', 'deno'] as const satisfies readonly RuntimeName[]) {
    await t.test(`bench http on ${runtime}`, async (st) => {
      if (runtime !== 'node' && !takesRuntime) return st.skip('bench http has no --runtime: it serves on node only');
      const missing = missingRuntime(runtime);
      if (missing !== undefined) return st.skip(missing);
      const file = await produce(`bench http on ${runtime}`, [...HTTP, ...(takesRuntime ? ['--runtime', runtime] : [])]);
      await assertReadsBack(file, `bench http on ${runtime}`, history);
    });
  }
});
