/**
 * How raw samples are kept in a results file: sorted, thinned evenly to at most
 * MAX_SAMPLES (quantiles survive thinning), rounded to 0.1 µs. The cell and the HTTP
 * harness store theirs the same way, so a figure computed from either file agrees.
 */
import { ascending, thinSorted } from './stats.js';

/** Samples kept per phase in the results file; more are thinned evenly. */
export const MAX_SAMPLES = 2_000;

export const round4 = (ms: number): number => Math.round(ms * 1e4) / 1e4;

export const storedSamples = (samplesMs: readonly number[]): number[] => thinSorted(ascending(samplesMs), MAX_SAMPLES).map(round4);
