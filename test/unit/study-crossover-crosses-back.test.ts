import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateCrossover } from '../../reports/decide/study/crossover.js';
import type { RatioPoint } from '../../runners/contract/study.js';

const points = (ratios: number[]): RatioPoint[] =>
  ratios.map((ratio, i) => ({ size: 10 ** (i + 2), ratio, low: ratio * 0.8, high: ratio * 1.25, baselineTaskMs: 10 ** i }));

test('a ratio that crosses 1 and back is ambiguous, with every crossing listed, not smoothed into one', () => {
  const finding = locateCrossover(points([0.5, 1.3, 0.9, 1.4, 1.8]));
  assert.equal(finding.status, 'ambiguous');
  assert.equal(finding.size, null);
  assert.equal(finding.crossings.length, 3);
  assert.ok(finding.crossings[0]! > 100 && finding.crossings[0]! < 1000);
  assert.ok(finding.crossings[2]! > 10_000 && finding.crossings[2]! < 100_000);
});

test('a single downward crossing (faster at small sizes only) is ambiguous too', () => {
  assert.equal(locateCrossover(points([1.5, 1.2, 0.8])).status, 'ambiguous');
});
