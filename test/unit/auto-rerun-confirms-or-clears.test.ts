/**
 * --auto-rerun measures only the regressed cells again and lets the fresh rounds decide:
 * a regression they show too is confirmed (exit 1), one they do not show is cleared and
 * the cell takes the re-run's verdict. The measuring is faked here (a fixed re-run), so the
 * rule is tested without a machine's noise; scripts/ci-regression.sh runs the real thing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../reports/decide/compare/compare-metric.js';
import { compareRuns, exitCodeOf, type LoadedRun } from '../../reports/decide/compare/compare.js';
import { confirmRegressions, type Measure } from '../../scripts/cli/auto-rerun.js';
import { roundsCell, runOf, scaled, STEADY } from '../fixtures/round-cells.js';

test('a re-run confirms a real regression and clears a noisy one, measuring only regressed cells', async () => {
  const options = { ...DEFAULT_SETTINGS, normalize: false };
  const baseline: LoadedRun = {
    file: 'base.json',
    run: runOf(['main-thread', 'worker-pool', 'shared-memory'].map((s) => roundsCell(s, STEADY, undefined, 'fib'))),
  };
  // worker-pool really got slower; shared-memory looked slower because of a busy neighbour.
  const current: LoadedRun = {
    file: 'cur.json',
    run: runOf([
      roundsCell('main-thread', STEADY, undefined, 'fib'),
      roundsCell('worker-pool', scaled(0.7), undefined, 'fib'),
      roundsCell('shared-memory', scaled(0.75), undefined, 'fib'),
    ]),
  };
  const first = compareRuns(baseline, current, options);
  assert.deepEqual(
    first.cells.map((c) => c.verdict),
    ['unchanged', 'regressed', 'regressed'],
  );

  const asked: string[][] = [];
  const measure: Measure = async (_current, suite, strategies) => {
    asked.push([suite.name, ...strategies]);
    return {
      file: 'rerun.json',
      run: runOf([roundsCell('worker-pool', scaled(0.7), undefined, 'fib'), roundsCell('shared-memory', scaled(1.01), undefined, 'fib')]),
    };
  };
  const settled = await confirmRegressions(first, baseline, current, options, { rounds: 5, measure });
  assert.deepEqual(asked, [['fib', 'worker-pool', 'shared-memory']], 'only the regressed cells, once per suite');
  const [main, pool, shared] = settled.cells;
  assert.equal(main!.rerun, undefined, 'a cell that was fine is not re-run');
  assert.equal(pool!.verdict, 'regressed');
  assert.equal(pool!.rerun?.confirmed, true);
  assert.equal(shared!.verdict, 'unchanged');
  assert.equal(shared!.rerun?.confirmed, false);
  assert.equal(shared!.rerun?.firstVerdict, 'regressed');
  assert.equal(exitCodeOf(settled.cells, false), 1, 'the confirmed regression still fails the job');
  assert.equal(
    exitCodeOf(
      settled.cells.filter((c) => c.strategy !== 'worker-pool'),
      false,
    ),
    0,
  );

  // Too few fresh rounds could never confirm anything, so would clear every regression: refused.
  await assert.rejects(
    confirmRegressions(first, baseline, current, options, { rounds: 2, measure }),
    /--auto-rerun 2 cannot confirm a regression against 5 baseline rounds/,
  );
});
