/**
 * The high-variance hint tells the user to close other programs only when the run could not
 * see them quiet: with every round's foreign CPU share measured low, the spread comes from
 * inside the processes or below the OS (JIT, GC, frequency, a VM's neighbours), and the hint
 * says so.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roundsCell } from '../fixtures/round-cells.js';
import { warningsOf, withForeignShare } from '../helpers/cell-warnings.js';

test('a smeared spread stays high-variance, and its hint blames other programs only when they were not measured quiet', () => {
  const smeared = roundsCell('main-thread', [1000, 1150, 900, 1080, 1030]);
  const quiet = warningsOf(withForeignShare(smeared, 0.01)).find((w) => w.kind === 'high-variance');
  assert.match(quiet!.hint, /the spread comes from inside the processes or below the OS/);
  const unmeasured = warningsOf(withForeignShare(smeared, null)).find((w) => w.kind === 'high-variance');
  assert.match(unmeasured!.hint, /close other programs/);
  assert.equal(
    warningsOf(smeared).some((w) => w.kind === 'two-modes'),
    false,
  );
});
