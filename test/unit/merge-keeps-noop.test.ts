/**
 * `bench merge` of `bench http` files keeps each runtime's server alone (`noop`): every source's
 * figures, each naming the run (machine) it was measured in, so the merged file loads back and
 * the table shows both machines' Node servers apart, as the files did one by one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { noopContextOf } from '../../reports/cell-context.js';
import { validateResults } from '../../reports/load-results.js';
import { mergeResults } from '../../reports/merge.js';
import { renderHttpTable } from '../../reports/terminal/http-table.js';
import type { RunResult } from '../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { httpCell, httpNoop, httpRun } from '../fixtures/http-results.js';

const cell = (runtime: string, perSec: number) =>
  httpCell({ runtime, strategy: BASELINE_STRATEGY, workers: 1, perSec, p99Ms: 4, healthP99Ms: 1 });

const vm: RunResult = { ...httpRun([cell('node', 1000)], { noop: [httpNoop('node', 40_000)] }), runId: 'vm-run' };
const bigRun = httpRun([cell('node', 3000)], { noop: [httpNoop('node', 90_000)] });
const big: RunResult = {
  ...bigRun,
  runId: 'big-run',
  context: { ...bigRun.context, hostname: 'big-host', cpu: { model: 'AMD EPYC 9654', cores: 8 } },
};
const bun: RunResult = { ...httpRun([cell('bun', 2000)], { noop: [httpNoop('bun', 70_000)] }), runId: 'bun-run' };

/** As the CLI writes it and the loader reads it back (the schema checked). */
const writtenAndRead = (run: RunResult): RunResult => validateResults(JSON.parse(JSON.stringify(run)), 'merged.json');

test('merged http files keep every server-alone figure with the run it was measured in, and load back', () => {
  const merged = writtenAndRead(
    mergeResults(
      [
        { file: 'vm.json', run: vm },
        { file: 'big.json', run: big },
      ],
      'merged-run',
    ),
  );
  assert.deepEqual(
    merged.noop?.map((n) => [n.runtime, n.contextId, n.status === 'completed' ? n.requests.perSec : n.error]),
    [
      ['node', 'vm-run', 40_000],
      ['node', 'big-run', 90_000],
    ],
  );
  assert.deepEqual(
    merged.noop?.map((n) => noopContextOf(merged, n).hostname),
    [vm.context.hostname, 'big-host'],
  );
  assert.deepEqual(merged.noop?.[1], { ...big.noop?.[0], contextId: 'big-run' }, 'copied untouched, samples included');

  // The table `bench http` prints shows each file's figure alone, and both, named apart, merged.
  const alone = renderHttpTable(vm);
  assert.match(alone, /^ {2}node {2}40,000 req\/s · p50 500µs · p99 1\.00ms$/m);
  const text = renderHttpTable(merged);
  assert.match(text, /^Server alone \(GET \/noop/m);
  assert.match(text, new RegExp(`^ {2}node on ${vm.context.hostname} \\(run vm-run\\)\\s+40,000 req/s · p50 500µs · p99 1\\.00ms$`, 'm'));
  assert.match(text, /^ {2}node on big-host \(run big-run\)\s+90,000 req\/s · p50 500µs · p99 1\.00ms$/m);

  // A merged file merges again: the figures, and the contexts they name, accumulate.
  const again = writtenAndRead(
    mergeResults(
      [
        { file: 'merged.json', run: merged },
        { file: 'bun.json', run: bun },
      ],
      'merged-again',
    ),
  );
  assert.deepEqual(
    again.noop?.map((n) => [n.runtime, n.contextId]),
    [
      ['node', 'vm-run'],
      ['node', 'big-run'],
      ['bun', 'bun-run'],
    ],
  );
  assert.deepEqual(
    again.noop?.map((n) => noopContextOf(again, n).hostname),
    [vm.context.hostname, 'big-host', bun.context.hostname],
  );
});

test('files without server-alone figures merge into a file without them', () => {
  const { noop: _, ...plain } = vm;
  const merged = mergeResults(
    [
      { file: 'a.json', run: plain },
      { file: 'b.json', run: { ...plain, runId: 'other', context: big.context } },
    ],
    'merged-run',
  );
  assert.equal('noop' in merged, false);
});
