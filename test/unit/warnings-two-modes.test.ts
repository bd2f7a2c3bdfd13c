/**
 * A cell whose rounds fall into two groups is warned about as such, not as "high variance":
 * when every round measured the other processes quiet, the hint points at the process's own
 * two speeds (V8 tiering) instead of telling the user to close other programs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roundsCell } from '../fixtures/round-cells.js';
import { warningsOf, withForeignShare } from '../helpers/cell-warnings.js';

test('two groups of rounds get a two-modes warning with each group; a quiet machine is not blamed', () => {
  const bimodal = withForeignShare(roundsCell('main-thread', [2210, 4310, 2190, 4290, 2200]), 0.02);
  const warnings = warningsOf(bimodal).filter((w) => w.cell?.strategy === 'main-thread');
  assert.deepEqual(
    warnings.map((w) => w.kind),
    ['two-modes'],
  );
  const [warning] = warnings;
  assert.match(warning!.message, /two groups, 3 near 2,200 and 2 near 4,300 tasks\/s \(1\.95×\)/);
  assert.match(warning!.hint, /at most 2 % of the CPU in any round/);
  assert.match(warning!.hint, /--trace-deopt/);
  assert.doesNotMatch(warning!.hint, /close other programs/);

  // Unmeasured foreign load (no /proc): the hint names both causes.
  const unmeasured = warningsOf(withForeignShare(bimodal, null)).find((w) => w.kind === 'two-modes');
  assert.match(unmeasured!.hint, /load that came and went/);
});
