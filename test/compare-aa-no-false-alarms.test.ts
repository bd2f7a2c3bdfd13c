/**
 * No false alarms: compares of independent runs of the same build (A/A) on this shared,
 * noisy machine never say `regressed` at the default settings (10 % threshold AND
 * Mann–Whitney p < 0.05 over 5 rounds). `inconclusive` is allowed — it is the honest
 * answer when a busy neighbour makes throughput swing — and does not fail a job.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareSideBySide } from './helpers/knob-runs.js';

const COMPARES = 10;

test(`A/A: ${COMPARES} compares of same-build runs give no regressed verdict`, async (t) => {
  const outputs = await compareSideBySide(t, 1, COMPARES);
  const regressed = outputs.reduce((sum, output) => sum + output.counts.regressed, 0);
  const cells = outputs.reduce((sum, output) => sum + output.cells.length, 0);
  t.diagnostic(`A/A: ${regressed} regressed cells in ${COMPARES} compares (${cells} cells)`);
  assert.equal(regressed, 0, 'an A/A compare flagged a regression (see the diagnostics above)');
});
