/**
 * Fits of the Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)), and of
 * Amdahl's law (the same with κ = 0), to measured throughput at N workers.
 *
 * The start point comes from the linearised form (with C = X/λ, N/C − 1 = (σ+κ)(N−1) +
 * κ(N−1)², a least-squares parabola through the origin); ml-levenberg-marquardt then
 * refines it with σ, κ ≥ 0. The refinement minimises relative residuals (fitted ÷
 * measured − 1), so a point at 200 tasks/s counts as much as one at 20,000: each model
 * evaluation is divided by its point's measured value and compared with 1. Weights would
 * do the same in principle, but the library applies them inconsistently between its
 * error and its step, so the scaling is done in the model instead.
 */
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import type { AmdahlFit, UslFit } from '../../../runners/contract/study.js';

export interface ThroughputSample {
  workers: number;
  tasksPerSec: number;
}

export interface UslParameters {
  lambda: number;
  sigma: number;
  kappa: number;
}

/** The law itself: throughput at `workers` for the given coefficients. */
export function uslThroughput({ lambda, sigma, kappa }: UslParameters, workers: number): number {
  return (lambda * workers) / (1 + sigma * (workers - 1) + kappa * workers * (workers - 1));
}

/** N* = √((1−σ)/κ); null when κ is (numerically) zero or σ ≥ 1: no peak, throughput only flattens. */
export function peakWorkers(sigma: number, kappa: number): number | null {
  return kappa > 1e-9 && sigma < 1 ? Math.sqrt((1 - sigma) / kappa) : null;
}

/** λ for the start: the 1-worker rate when measured, else the smallest count's rate per worker. */
function startLambda(samples: readonly ThroughputSample[]): number {
  const one = samples.find((s) => s.workers === 1);
  if (one) return one.tasksPerSec;
  const smallest = samples.reduce((a, b) => (b.workers < a.workers ? b : a));
  return smallest.tasksPerSec / smallest.workers;
}

/** Least squares of y = a·x + b·x² (no intercept) by the 2×2 normal equations. */
function parabolaThroughOrigin(xs: readonly number[], ys: readonly number[]): { a: number; b: number } {
  let s2 = 0,
    s3 = 0,
    s4 = 0,
    t1 = 0,
    t2 = 0;
  xs.forEach((x, i) => {
    const y = ys[i]!;
    s2 += x * x;
    s3 += x ** 3;
    s4 += x ** 4;
    t1 += x * y;
    t2 += x * x * y;
  });
  const det = s2 * s4 - s3 * s3;
  if (Math.abs(det) < 1e-12) return { a: s2 > 0 ? t1 / s2 : 0, b: 0 };
  return { a: (s4 * t1 - s3 * t2) / det, b: (s2 * t2 - s3 * t1) / det };
}

/** The linearised estimate: the fit's start point, also usable alone. */
export function linearisedUsl(samples: readonly ThroughputSample[]): UslParameters {
  const lambda = startLambda(samples);
  const xs = samples.map((s) => s.workers - 1);
  const ys = samples.map((s) => (s.workers * lambda) / s.tasksPerSec - 1);
  const { a, b } = parabolaThroughOrigin(xs, ys);
  const kappa = Math.max(0, b);
  return { lambda, sigma: Math.min(1, Math.max(0, a - kappa)), kappa };
}

function relativeResidual(samples: readonly ThroughputSample[], parameters: UslParameters): number {
  const squares = samples.map((s) => (uslThroughput(parameters, s.workers) / s.tasksPerSec - 1) ** 2);
  return Math.sqrt(squares.reduce((sum, v) => sum + v, 0) / samples.length);
}

/**
 * Refines `start` by Levenberg–Marquardt. `free` says which of σ and κ are fitted (Amdahl
 * holds κ at 0). λ is fitted in units of the start's λ, so every parameter is of order 1
 * and the library's additive damping treats them alike.
 */
function refine(samples: readonly ThroughputSample[], start: UslParameters, fitKappa: boolean): UslParameters {
  const scale = start.lambda;
  const workers = samples.map((s) => s.workers);
  const measured = samples.map((s) => s.tasksPerSec);
  const unpack = (p: number[]): UslParameters => ({ lambda: (p[0] ?? 1) * scale, sigma: p[1] ?? 0, kappa: fitKappa ? (p[2] ?? 0) : 0 });
  // x is the index of a sample; the model at it is the fitted ÷ measured throughput, whose target is 1.
  const model =
    (p: number[]) =>
    (i: number): number =>
      uslThroughput(unpack(p), workers[i]!) / measured[i]!;
  const jacobian =
    (p: number[]) =>
    (i: number): number[] => {
      const { lambda, sigma, kappa } = unpack(p);
      const n = workers[i]!;
      const d = 1 + sigma * (n - 1) + kappa * n * (n - 1);
      const x = measured[i]!;
      const partials = [(scale * n) / d / x, (-lambda * n * (n - 1)) / (d * d) / x];
      return fitKappa ? [...partials, (-lambda * n * n * (n - 1)) / (d * d) / x] : partials;
    };
  const initial = fitKappa ? [1, start.sigma, start.kappa] : [1, start.sigma];
  const fitted = levenbergMarquardt({ x: samples.map((_, i) => i), y: samples.map(() => 1) }, model, {
    initialValues: initial,
    jacobianFunction: jacobian,
    minValues: fitKappa ? [1e-9, 0, 0] : [1e-9, 0],
    maxValues: fitKappa ? [1e9, 1, 1e6] : [1e9, 1],
    maxIterations: 500,
    errorTolerance: 1e-16,
  });
  const result = unpack(fitted.parameterValues);
  // The library keeps its best iterate, the start included; the check guards its clamping at the bounds.
  return relativeResidual(samples, result) <= relativeResidual(samples, { ...start, kappa: fitKappa ? start.kappa : 0 })
    ? result
    : { ...start, kappa: fitKappa ? start.kappa : 0 };
}

/** The USL fit; needs at least three samples (three coefficients). */
export function fitUsl(samples: readonly ThroughputSample[]): UslFit {
  if (samples.length < 3) throw new RangeError(`a USL fit needs at least 3 points, got ${samples.length}`);
  const fitted = refine(samples, linearisedUsl(samples), true);
  return {
    lambda: fitted.lambda,
    sigma: fitted.sigma,
    kappa: fitted.kappa,
    peakWorkers: peakWorkers(fitted.sigma, fitted.kappa),
    residual: relativeResidual(samples, fitted),
    workers: samples.map((s) => s.workers),
  };
}

/** Amdahl's serial fraction; two samples determine it exactly, more are fitted. */
export function fitAmdahl(samples: readonly ThroughputSample[]): AmdahlFit {
  if (samples.length < 2) throw new RangeError(`an Amdahl fit needs at least 2 points, got ${samples.length}`);
  const lambda = startLambda(samples);
  // Linearised with κ = 0: N·λ/X − 1 = σ(N−1), least squares through the origin.
  let sxy = 0;
  let sxx = 0;
  for (const s of samples) {
    const x = s.workers - 1;
    sxy += x * ((s.workers * lambda) / s.tasksPerSec - 1);
    sxx += x * x;
  }
  const start = { lambda, sigma: Math.min(1, Math.max(0, sxx > 0 ? sxy / sxx : 0)), kappa: 0 };
  const fitted = refine(samples, start, false);
  return {
    lambda: fitted.lambda,
    sigma: fitted.sigma,
    residual: relativeResidual(samples, fitted),
    workers: samples.map((s) => s.workers),
  };
}
