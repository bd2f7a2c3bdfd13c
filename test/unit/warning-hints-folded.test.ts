/**
 * A kind's hints that differ only in their figures print once, each figure a range over the
 * cells, instead of four near-identical sentences joined by semicolons.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldHints } from '../../reports/format/warning-groups.js';

const spread = (share: number) =>
  `other processes took at most ${share} % of the CPU in any round, so the spread comes from inside the processes: raise --rounds`;

test('hints that differ only in a figure read as one, the figure a range', () => {
  assert.deepEqual(foldHints([spread(0), spread(1), spread(3), spread(2)]), [spread(0).replace('most 0 %', 'most 0–3 %')]);
});

test('hints of another wording stay apart, in order of first appearance', () => {
  const other = 'use a pool, or a bigger --size';
  assert.deepEqual(foldHints([spread(2), other, spread(2), spread(5)]), [spread(2).replace('most 2 %', 'most 2–5 %'), other]);
});

test('a single hint, or equal figures, are kept as written', () => {
  assert.deepEqual(foldHints([spread(1)]), [spread(1)]);
  assert.deepEqual(foldHints(['raise --phase-time above 1,200 ms', 'raise --phase-time above 1,200 ms']), [
    'raise --phase-time above 1,200 ms',
  ]);
});
