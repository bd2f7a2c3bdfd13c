/**
 * No false alarms from noise alone: 500 seeded A/A compares (the same build twice, side by
 * side, rounds wobbling ±15 %) are called `regressed` or `improved` at most α of the time at
 * the default settings (10 % threshold AND Mann–Whitney p < 0.05 over five rounds). Requiring
 * both is what keeps the rate far below α; either alone would not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../reports/decide/compare/compare-metric.js';
import { falseAlarms } from '../helpers/compare-simulate.js';

const COMPARES = 500;

test(`A/A: ${COMPARES} simulated compares of the same build stay within α of false alarms`, () => {
  const { regressed, improved } = falseAlarms(0xaa, COMPARES, 1);
  const bound = DEFAULT_SETTINGS.alpha * COMPARES;
  assert.ok(regressed <= bound, `${regressed} of ${COMPARES} A/A compares were called regressed`);
  assert.ok(improved <= bound, `${improved} of ${COMPARES} A/A compares were called improved`);
});
