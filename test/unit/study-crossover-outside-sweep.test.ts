import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossoverNote, locateCrossover, suggestSizes } from '../../reports/decide/study/crossover.js';
import type { RatioPoint } from '../../runners/contract/study.js';

const FIB = [20, 24, 27, 30, 32];
const points = (ratios: number[]): RatioPoint[] =>
  ratios.map((ratio, i) => ({ size: FIB[i]!, ratio, low: ratio * 0.9, high: ratio * 1.1, baselineTaskMs: 0.05 * 1.618 ** (FIB[i]! - 20) }));

test('a ratio below 1 at every swept size is "never faster within the sweep", with larger sizes to add below maxSize', () => {
  const curve = points([0.001, 0.01, 0.05, 0.2, 0.4]);
  const finding = locateCrossover(curve);
  assert.equal(finding.status, 'never-faster');
  assert.equal(finding.size, null);
  assert.equal(finding.range, null);
  const suggested = suggestSizes(finding.status, FIB, finding.crossings, 40);
  assert.ok(suggested.length > 0 && suggested.every((size) => size > 32 && size <= 40), `suggested ${suggested}`);
  assert.match(crossoverNote(finding, curve, 'fib', suggested, 40), /never faster within the sweep .*add sizes/);
});

test("at the suite's maxSize nothing larger is suggested, and the note says the limit is reached", () => {
  const curve = points([0.001, 0.01, 0.05, 0.2, 0.4]);
  const finding = locateCrossover(curve);
  assert.deepEqual(suggestSizes(finding.status, FIB, finding.crossings, 32), []);
  assert.match(crossoverNote(finding, curve, 'fib', [], 32), /maxSize 32 is reached/);
});

test('a ratio above 1 at every swept size is "always faster", with smaller sizes to add', () => {
  const finding = locateCrossover(points([1.2, 1.5, 1.8, 1.9, 2]));
  assert.equal(finding.status, 'always-faster');
  const suggested = suggestSizes(finding.status, FIB, finding.crossings);
  assert.ok(suggested.length > 0 && suggested.every((size) => size >= 1 && size < 20), `suggested ${suggested}`);
});
