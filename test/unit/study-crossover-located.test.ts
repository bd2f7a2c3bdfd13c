import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateCrossover } from '../../reports/decide/study/crossover.js';
import type { RatioPoint } from '../../runners/contract/study.js';

// A ratio that is a power of the size, r = (s / 3000)^0.5, is a straight line on log–log
// axes, so interpolating between any two swept sizes finds its crossing exactly.
const CROSSING = 3000;
const SPREAD = 1.2;
const point = (size: number): RatioPoint => {
  const ratio = (size / CROSSING) ** 0.5;
  return { size, ratio, low: ratio / SPREAD, high: ratio * SPREAD, baselineTaskMs: size * 0.001 };
};

test('a ratio rising through 1 between two swept sizes is located on log size and log ratio, with its task time and 95 % range', () => {
  const finding = locateCrossover([100, 1000, 10_000, 100_000].map(point));
  assert.equal(finding.status, 'crossed');
  assert.ok(Math.abs(finding.size! / CROSSING - 1) < 1e-9, `crossover at ${finding.size}`);
  // The baseline's task time is linear in size: interpolated log–log, it is exact too.
  assert.ok(Math.abs(finding.taskMs! / (CROSSING * 0.001) - 1) < 1e-9, `task time ${finding.taskMs}`);
  // The optimistic curve (×1.2) reaches 1 where (s/3000)^0.5 = 1/1.2, the pessimistic one where it is 1.2.
  const [low, high] = finding.range!;
  assert.ok(Math.abs(low! / (CROSSING / SPREAD ** 2) - 1) < 1e-9, `range starts at ${low}`);
  assert.ok(Math.abs(high! / (CROSSING * SPREAD ** 2) - 1) < 1e-9, `range ends at ${high}`);
  assert.deepEqual(finding.crossings.length, 1);
});

test('an interval that reaches beyond the sweep leaves that end of the range open (null)', () => {
  const wide = [100, 1000, 10_000].map((size) => ({ ...point(size), low: 0, high: null }));
  const finding = locateCrossover(wide);
  assert.equal(finding.status, 'crossed');
  assert.deepEqual(finding.range, [null, null]);
});
