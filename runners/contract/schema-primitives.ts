/**
 * The building blocks of the results schemas (results-schema.ts, phases-schema.ts): numbers
 * that must be finite and in range, ordered percentiles, records keyed by data, sample arrays.
 */
import * as v from 'valibot';

// Every number finite (JSON's 1e999 parses to Infinity); figures and counts in range, so a
// hand-edited or corrupted file (negative tasks/s, -1e308, 2.5 tasks) fails in the loader,
// naming the field, instead of drawing an impossible chart.
export const num = v.pipe(v.number(), v.finite('a finite number'));
/** A duration, rate, size in bytes or load: nothing measured is below zero. */
export const figure = v.pipe(v.number(), v.finite('a finite number'), v.minValue(0, 'at least 0'));
/** Tasks, samples, requests, rounds, workers: whole numbers from zero. */
export const count = v.pipe(v.number(), v.integer('a whole number'), v.minValue(0, 'at least 0'));
/** A share of the machine's CPU. */
export const share = v.pipe(v.number(), v.minValue(0, 'at least 0'), v.maxValue(1, 'at most 1'));
export const str = v.string();
export const bool = v.boolean();

/**
 * Percentiles of one set of samples cannot fall (p50 ≤ p99 ≤ max); `ok ≤ total` likewise.
 * A relative 1e-9 allows for the rounding of an interpolated quantile.
 */
export const ordered = <E extends v.ObjectEntries>(entries: E, ...keys: Array<keyof E & string>) => {
  const at = (found: unknown, key: string): number => (found as Record<string, number>)[key]!;
  return v.pipe(
    v.object(entries),
    v.check(
      (found: v.InferOutput<v.ObjectSchema<E, undefined>>) =>
        keys.every((key, i) => i === 0 || at(found, keys[i - 1]!) <= at(found, key) + 1e-9 * Math.max(1, Math.abs(at(found, key)))),
      (issue) => `in order (${keys.join(' ≤ ')}), found ${keys.map((key) => at(issue.input, key)).join(', ')}`,
    ),
  );
};

/**
 * An object keyed by data (suite names, environment variables, runtime names). valibot
 * takes a JSON array for a record (keyed "0", "1", …), so refuse one before the record
 * checks the values; the first step is typed as the record because the second checks it.
 */
export const recordOf = <T extends v.GenericSchema>(value: T) =>
  v.pipe(
    v.custom<Record<string, v.InferInput<T>>>((found) => typeof found === 'object' && found !== null && !Array.isArray(found), 'an object'),
    v.record(str, value),
  );

/** Ascending or raw samples: finite numbers only (compare computes per-round percentiles from them). */
// One check over the array, not a pipe per item: a file holds millions of samples. The
// message names the first bad one.
const badSample = (found: readonly number[]): number => found.findIndex((x) => !(Number.isFinite(x) && x >= 0));
export const samples = v.pipe(
  v.array(v.number()),
  v.check(
    (found) => badSample(found) === -1,
    (issue) => `finite and at least 0, found ${issue.input[badSample(issue.input)]} at [${badSample(issue.input)}]`,
  ),
);
