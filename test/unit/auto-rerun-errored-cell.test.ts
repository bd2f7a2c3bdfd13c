/**
 * A strategy that completed in the baseline and errors now is a regression with no metrics
 * to test: --auto-rerun re-runs it like any other, confirms it if it errors again and
 * clears it when the fresh rounds complete (a fluke, judged on their figures).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../reports/decide/compare/compare-metric.js';
import { compareRuns, exitCodeOf, type LoadedRun } from '../../reports/decide/compare/compare.js';
import type { ErroredCell } from '../../runners/contract/results.js';
import { confirmRegressions, type Measure } from '../../scripts/cli/auto-rerun.js';
import { roundsCell, runOf, STEADY } from '../fixtures/round-cells.js';

const errored = (strategy: string, message: string): ErroredCell => ({
  ...roundsCell(strategy, STEADY, undefined, 'fib'),
  status: 'errored',
  verified: false,
  error: { message, round: 1 },
  rounds: [],
});

test('an errored cell is regressed; a re-run that errors again confirms it, one that completes clears it', async () => {
  const options = { ...DEFAULT_SETTINGS, normalize: false };
  const baseline: LoadedRun = {
    file: 'base.json',
    run: runOf(['worker-pool', 'process-pool'].map((s) => roundsCell(s, STEADY, undefined, 'fib'))),
  };
  const current: LoadedRun = {
    file: 'cur.json',
    run: runOf([errored('worker-pool', 'wrong output for input 0'), errored('process-pool', 'child process exited with code 1')]),
  };
  const first = compareRuns(baseline, current, options);
  assert.deepEqual(
    first.cells.map((c) => c.verdict),
    ['regressed', 'regressed'],
  );
  assert.match(first.cells[0]!.reason ?? '', /completed in the baseline, errored in the new run: wrong output for input 0/);
  assert.equal(exitCodeOf(first.cells, false), 1);

  const measure: Measure = async () => ({
    file: 'rerun.json',
    run: runOf([errored('worker-pool', 'wrong output for input 0'), roundsCell('process-pool', STEADY, undefined, 'fib')]),
  });
  // No metric to reach a p-value: even a short re-run may decide.
  const settled = await confirmRegressions(first, baseline, current, options, { rounds: 2, measure });
  const [pool, processes] = settled.cells;
  assert.equal(pool!.verdict, 'regressed');
  assert.equal(pool!.rerun?.confirmed, true);
  assert.equal(processes!.verdict, 'unchanged');
  assert.equal(processes!.rerun?.confirmed, false);
  assert.equal(exitCodeOf(settled.cells, false), 1);
});
