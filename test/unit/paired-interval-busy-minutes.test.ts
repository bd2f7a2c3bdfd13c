/**
 * Busy minutes that slow every strategy of a block alike cancel in the block's ratio: the
 * paired interval stays narrow and covers the true speedup where the strategies' own intervals
 * (one per cell, over rounds) say almost nothing about the ratio.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairedRatio } from '../../reports/decide/paired/paired-ratio.js';
import { simulateBlocks } from '../fixtures/simulated-blocks.js';

const plan = { firstLook: 6, maxBlocks: 6 };

test('a 1.9× pool measured through minutes that took up to 70 % of the machine: paired 1.9× within a few percent', () => {
  const [main, pool] = simulateBlocks({ seed: 7, blocks: 6, rates: { 'main-thread': 100, 'worker-pool': 190 }, busy: [0.3, 1] });
  const paired = pairedRatio(pool!, main!, plan)!;
  assert.ok(paired.interval, 'six blocks give a paired interval');
  const [low, high] = paired.interval;
  assert.ok(low <= 1.9 && 1.9 <= high, `[${low}, ${high}] covers 1.9`);
  assert.ok(high / low < 1.15, `paired interval ${low.toFixed(2)}–${high.toFixed(2)} is narrow`);
  // What the cells' own intervals allow for the ratio: from the lowest pool over the highest main to the reverse.
  const unpaired = pool!.throughput.ci95[1] / main!.throughput.ci95[0] / (pool!.throughput.ci95[0] / main!.throughput.ci95[1]);
  assert.ok(unpaired > 2, `unpaired intervals span a factor of ${unpaired.toFixed(2)} in the ratio`);
});

test('over 400 seeded runs the paired interval covers the true ratio at least as often as it claims', () => {
  let covered = 0;
  for (let seed = 1; seed <= 400; seed++) {
    const [main, pool] = simulateBlocks({
      seed,
      blocks: 6,
      rates: { 'main-thread': 100, 'worker-pool': 150 },
      busy: [0.4, 1],
      noise: 0.08,
    });
    const { interval } = pairedRatio(pool!, main!, plan)!;
    if (interval && interval[0] <= 1.5 && 1.5 <= interval[1]) covered++;
  }
  // Claimed 96.9 % (the range of six ratios); 400 draws put the count within ±2 % of it.
  assert.ok(covered / 400 >= 0.93, `covered ${covered} of 400`);
});
