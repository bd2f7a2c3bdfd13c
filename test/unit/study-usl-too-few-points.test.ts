import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitsOf } from '../../reports/decide/study/scaling.js';
import type { ScalingPoint } from '../../runners/contract/study.js';

const point = (workers: number, tasksPerSec: number, cores: number): ScalingPoint => ({
  workers,
  tasksPerSec,
  ci95: [tasksPerSec * 0.95, tasksPerSec * 1.05],
  speedup: null,
  speedupOverBaseline: null,
  efficiency: null,
  overCores: workers > cores,
});

test('workers 1–4 on 2 cores: no USL fit, "too few points" naming the count and the time-slicing points; Amdahl from the two inside', () => {
  const points = [point(1, 100, 2), point(2, 190, 2), point(3, 185, 2), point(4, 180, 2)];
  const fits = fitsOf(points, 2);
  assert.equal(fits.usl, null);
  assert.match(fits.uslReason ?? '', /too few points: 2 worker counts at or below the 2 cores, 5 needed/);
  assert.match(fits.uslReason ?? '', /2 points above 2 cores show time-slicing/);
  assert.ok(fits.amdahl !== null);
  assert.deepEqual(fits.amdahl.workers, [1, 2]);
  assert.ok(Math.abs(fits.amdahl.sigma - ((2 * 100) / 190 - 1)) < 1e-9, `σ ${fits.amdahl.sigma}`);
});

test('every point above the core count: no fit at all, and the reason says so', () => {
  const fits = fitsOf([point(4, 100, 2), point(8, 100, 2)], 2);
  assert.equal(fits.usl, null);
  assert.equal(fits.amdahl, null);
  assert.match(fits.uslReason ?? '', /every point is above the 2 cores/);
});

test('five points within the cores are fitted', () => {
  const fits = fitsOf(
    [1, 2, 3, 4, 5].map((n) => point(n, (100 * n) / (1 + 0.05 * (n - 1)), 8)),
    8,
  );
  assert.ok(fits.usl !== null, fits.uslReason);
  assert.ok(Math.abs(fits.usl.sigma - 0.05) < 1e-4, `σ ${fits.usl.sigma}`);
});
