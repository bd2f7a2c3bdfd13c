import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitAmdahl, fitUsl, linearisedUsl, peakWorkers, uslThroughput } from '../../reports/decide/study/usl.js';

const WORKERS = [1, 2, 3, 4, 6, 8, 12, 16];
const close = (actual: number, expected: number, tolerance: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected} ± ${tolerance}`);

test('USL data generated from known λ, σ, κ gives them back, with N* = √((1−σ)/κ)', () => {
  const truth = { lambda: 1200, sigma: 0.05, kappa: 0.002 };
  const fit = fitUsl(WORKERS.map((workers) => ({ workers, tasksPerSec: uslThroughput(truth, workers) })));
  close(fit.lambda, truth.lambda, 1e-6 * truth.lambda, 'λ');
  close(fit.sigma, truth.sigma, 1e-6, 'σ');
  close(fit.kappa, truth.kappa, 1e-7, 'κ');
  close(fit.peakWorkers!, Math.sqrt((1 - 0.05) / 0.002), 1e-3, 'N*');
  assert.ok(fit.residual < 1e-9, `residual ${fit.residual}`);
});

test('with noise and a perturbed 1-worker point, the refined fit is no worse than the linearised start and near the truth', () => {
  const truth = { lambda: 500, sigma: 0.1, kappa: 0.001 };
  // ±2 % alternating noise, and the 1-worker point (the start's λ) 5 % low.
  const samples = WORKERS.map((workers, i) => ({
    workers,
    tasksPerSec: uslThroughput(truth, workers) * (i === 0 ? 0.95 : 1 + (i % 2 ? 0.02 : -0.02)),
  }));
  const start = linearisedUsl(samples);
  const fit = fitUsl(samples);
  const rms = (p: { lambda: number; sigma: number; kappa: number }): number =>
    Math.sqrt(samples.reduce((sum, s) => sum + (uslThroughput(p, s.workers) / s.tasksPerSec - 1) ** 2, 0) / samples.length);
  assert.ok(fit.residual <= rms(start) + 1e-12, `refined ${fit.residual} vs start ${rms(start)}`);
  close(fit.residual, rms(fit), 1e-12, 'reported residual');
  close(fit.sigma, truth.sigma, 0.03, 'σ');
  close(fit.kappa, truth.kappa, 0.001, 'κ');
  assert.ok(fit.sigma >= 0 && fit.kappa >= 0, 'σ, κ ≥ 0');
});

test('data that scales better than linear does not make σ or κ negative', () => {
  const fit = fitUsl(WORKERS.map((workers) => ({ workers, tasksPerSec: 100 * workers ** 1.05 })));
  assert.ok(fit.sigma >= 0 && fit.kappa >= 0, `σ ${fit.sigma}, κ ${fit.kappa}`);
  assert.equal(peakWorkers(0.1, 0), null, 'no peak without coherency cost');
});

test("Amdahl's serial fraction of κ = 0 data is its σ, exactly from two points", () => {
  const truth = { lambda: 300, sigma: 0.08, kappa: 0 };
  close(
    fitAmdahl(WORKERS.map((workers) => ({ workers, tasksPerSec: uslThroughput(truth, workers) }))).sigma,
    0.08,
    1e-6,
    'σ from 8 points',
  );
  close(fitAmdahl([1, 2].map((workers) => ({ workers, tasksPerSec: uslThroughput(truth, workers) }))).sigma, 0.08, 1e-9, 'σ from 2 points');
});
