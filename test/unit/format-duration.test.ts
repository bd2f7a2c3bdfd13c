/** Durations read the same in every table, progress line and warning that shows them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration } from '../../runners/common/format-duration.js';

test('table style: µs, ms or s by size, about three digits, no space', () => {
  const cases: [number, string][] = [
    [0.0042, '4.2µs'],
    [0.25, '250µs'],
    [3.4567, '3.46ms'],
    [42.42, '42.4ms'],
    [420.4, '420ms'],
    [9999, '9999ms'],
    [12_345, '12.3s'],
  ];
  for (const [ms, text] of cases) assert.equal(formatDuration(ms), text, `${ms} ms`);
});

test('a missing or non-finite figure is a dash', () => {
  for (const ms of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(formatDuration(ms), '—');
});

test('sentence style stays in µs or ms with one decimal and a space', () => {
  const style = { gap: ' ', decimals: 1, units: 'ms' } as const;
  assert.equal(formatDuration(0.0425, style), '42.5 µs');
  assert.equal(formatDuration(3.4567, style), '3.5 ms');
  assert.equal(formatDuration(12_345, style), '12345.0 ms');
});

test('seconds for elapsed time, minutes and seconds for an ETA', () => {
  assert.equal(formatDuration(1234, { units: 's' }), '1.2s');
  assert.equal(formatDuration(90_000, { units: 's' }), '90.0s');
  assert.equal(formatDuration(42_400, { units: 'min' }), '42s');
  assert.equal(formatDuration(65_000, { units: 'min' }), '1m05s');
  assert.equal(formatDuration(3_599_600, { units: 'min' }), '60m00s');
});
