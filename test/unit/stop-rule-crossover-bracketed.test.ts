/**
 * A size study is settled where each crossover is bracketed: the ratio's interval below 1 at
 * the size before the crossing and above 1 at the size after; with no crossing, clear of 1 at
 * the end that makes the answer; never while the curve is ambiguous.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossoverSettled } from '../../reports/decide/paired/stop-rule.js';
import type { Crossover, RatioPoint } from '../../runners/contract/study.js';

const point = (size: number, low: number, high: number): RatioPoint => ({
  size,
  ratio: Math.sqrt(low * high),
  low,
  high,
  baselineTaskMs: size / 10,
});

const crossover = (status: Crossover['status'], ratios: RatioPoint[], size: number | null = null): Crossover => ({
  suite: 'fib',
  strategy: 'worker-pool',
  runtime: 'node',
  workers: 2,
  size,
  taskMs: null,
  range: null,
  status,
  crossings: size === null ? [] : [size],
  suggestedSizes: [],
  note: '',
  ratios,
});

test('a crossing between a size clearly below 1 and one clearly above is bracketed', () => {
  assert.equal(crossoverSettled(crossover('crossed', [point(10, 0.5, 0.8), point(20, 1.2, 1.5)], 15)), true);
});

test('a crossing next to a size whose interval still holds 1 is not', () => {
  assert.equal(crossoverSettled(crossover('crossed', [point(10, 0.8, 1.05), point(20, 1.2, 1.5)], 14)), false);
  assert.equal(crossoverSettled(crossover('crossed', [point(10, 0.5, 0.8), point(20, 0.95, 1.5)], 17)), false);
});

test('always or never faster is settled by the interval at the end that says so', () => {
  assert.equal(crossoverSettled(crossover('always-faster', [point(10, 1.1, 1.3), point(20, 0.9, 2)])), true);
  assert.equal(crossoverSettled(crossover('always-faster', [point(10, 0.9, 1.3), point(20, 1.5, 2)])), false);
  assert.equal(crossoverSettled(crossover('never-faster', [point(10, 0.1, 2), point(20, 0.2, 0.9)])), true);
});

test('an ambiguous curve is never settled', () => {
  assert.equal(crossoverSettled(crossover('ambiguous', [point(10, 1.1, 1.2), point(20, 0.5, 0.6), point(30, 1.1, 1.2)])), false);
});
