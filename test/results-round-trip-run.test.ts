/**
 * A `bench run` file reads back on every runtime, and so does `bench merge` of them: Bun's
 * event-loop histogram once gave a p99 above its max, and bench refused the file it had just
 * written (issue 25). The run is the (fib, main-thread) plus a pool, two rounds each
 * so the cell figures aggregate, with short phases.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RuntimeName } from '../runners/contract/results.js';
import { runCli, tempDir } from './helpers/cli.js';
import { assertReadsBack, assertReports, missingRuntime, produce } from './helpers/round-trip.js';

const RUN = [
  'run',
  '--suite',
  'fib',
  '--size',
  '22',
  '--strategies',
  'main-thread,worker-pool',
  '--rounds',
  '2',
  '--phase-time',
  '60',
  '--no-report',
];
const RUNTIMES: readonly RuntimeName[] = ['node', 'bun', 'deno'];

test('bench run on node, bun and deno, and bench merge of the three, write files report, compare and history read back', async (t) => {
  const history = join(tempDir(), 'history.jsonl');
  const files: string[] = [];
  for (const runtime of RUNTIMES) {
    await t.test(`bench run --runtime ${runtime}`, async (st) => {
      const missing = missingRuntime(runtime);
      if (missing !== undefined) return st.skip(missing);
      const file = await produce(`bench run --runtime ${runtime}`, [...RUN, '--runtime', runtime]);
      await assertReadsBack(file, `bench run --runtime ${runtime}`, history);
      files.push(file);
    });
  }
  await t.test('bench merge of the runs', async (st) => {
    if (files.length < 2) return st.skip(`only ${files.length} runtime found: nothing to merge`);
    // bench merge's --out is the merged file, not a directory.
    const merged = join(tempDir(), 'merged.json');
    const result = await runCli(['merge', ...files, '--out', merged]);
    assert.equal(result.code, 0, `bench merge: ${result.stderr}`);
    await assertReadsBack(merged, 'bench merge', history);
  });
  await t.test('bench report --history reads the history the files were appended to', async (st) => {
    if (files[0] === undefined) return st.skip('no run wrote a file');
    await assertReports(files[0], 'bench report --history', ['--history', history]);
  });
});
