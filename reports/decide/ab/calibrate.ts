/**
 * `bench ab --aa`: both sides ran the same code, so every pair's B ÷ A ratio is noise. From
 * that noise: how wide it is, and the smallest real change the gate would catch at these
 * settings on this machine, so a user picks a threshold from data instead of guessing.
 *
 * Spread: per cell, the robust standard deviation of the log ratios, σ = 1.4826 · MAD (the
 * median absolute deviation, scaled to match a normal σ; one wild pair cannot inflate it),
 * given as the share exp(σ) − 1. The widest cell counts, since one threshold serves all.
 *
 * Minimum detectable effect (MDE), at the last planned look of N pairs whose interval is
 * [x₍ₖ₎, x₍ₙ₋ₖ₊₁₎] (k from look-bounds.ts): if the log ratios were normal with that σ, the
 * near bound sits about σ·|z| inside the true shift, z = Φ⁻¹(p), p = (k − 0.375)/(N + 0.25)
 * (Blom's position of the k-th of N), and wobbles by s = σ·√(p(1 − p)/N)/φ(z) (the order
 * statistic's asymptotic spread). A regression is called when the near bound clears the
 * threshold t, so the true shift that is called in 80 % of runs is
 *   m = σ·|z| + 0.8416·s   (0.8416 = Φ⁻¹(0.8))
 *   p50 (higher is worse):        MDE = (1 + t)·e^m − 1
 *   throughput (lower is worse):  MDE = 1 − (1 − t)·e^(−m)
 * The normal shape is assumed for this estimate only; the gate itself assumes none.
 */
import type { AbCalibration, AbCell, AbMetric } from '../../../runners/contract/ab.js';
import { median } from '../../../runners/common/stats.js';
import { plannedBounds } from './look-bounds.js';
import { AB_METRICS, metricRatios, pairRounds, WORSE_WHEN } from './pairs.js';

interface CalibrationRules {
  threshold: number;
  alpha: number;
  looks: number[];
}

/** MAD → σ of a normal distribution. */
const MAD_TO_SIGMA = 1.4826;
const Z_POWER_80 = 0.8416;

/** Φ⁻¹ by Acklam's rational approximation (relative error < 1.2e-9): plenty for an estimate. */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (coefficients: number[], x: number): number => coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);
  const low = 0.02425;
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

const normalDensity = (z: number): number => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);

/** Robust σ of one cell's log ratios; null with fewer than two usable pairs. */
function robustSigma(ratios: readonly number[]): number | null {
  if (ratios.length < 2) return null;
  const logs = ratios.map(Math.log);
  const center = median(logs);
  return MAD_TO_SIGMA * median(logs.map((x) => Math.abs(x - center)));
}

/** The MDE of one metric at noise σ (log scale); null when the last look has no finite bound. */
export function minimumDetectableEffect(metric: AbMetric, sigma: number, rules: CalibrationRules): number | null {
  const n = rules.looks.at(-1) ?? 0;
  const k = plannedBounds(rules).at(-1) ?? 0;
  if (k <= 0 || n <= 0) return null;
  const p = (k - 0.375) / (n + 0.25);
  const z = normalQuantile(p);
  const wobble = (sigma * Math.sqrt((p * (1 - p)) / n)) / normalDensity(z);
  const margin = sigma * Math.abs(z) + Z_POWER_80 * wobble;
  return WORSE_WHEN[metric] === 'higher' ? (1 + rules.threshold) * Math.exp(margin) - 1 : 1 - (1 - rules.threshold) * Math.exp(-margin);
}

export function calibrate(cells: readonly AbCell[], rules: CalibrationRules): AbCalibration {
  const spread = {} as Record<AbMetric, number | null>;
  const minimum = {} as Record<AbMetric, number | null>;
  for (const metric of AB_METRICS) {
    const sigmas = cells.flatMap((cell) => {
      const sigma = robustSigma(metricRatios(pairRounds(cell.rounds), metric));
      return sigma === null ? [] : [sigma];
    });
    const sigma = sigmas.length > 0 ? Math.max(...sigmas) : null;
    spread[metric] = sigma === null ? null : Math.exp(sigma) - 1;
    minimum[metric] = sigma === null ? null : minimumDetectableEffect(metric, sigma, rules);
  }
  return { spread, minimumDetectableEffect: minimum };
}
