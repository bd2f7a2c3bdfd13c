/**
 * The order of an A/B cell's rounds: blocks of two pairs, each block ABBA or BAAB at random
 * (the RMIT method: randomized multiple interleaved trials). Within a block each side runs
 * once first and once second, so a linear drift across the block hits both sides alike; the
 * random choice keeps a periodic disturbance from lining up with one side.
 *
 * Stateless and seeded: a cell's order depends only on the seed, the cell's index and the
 * pair, never on how the other cells' rounds were interleaved or when they stopped, so a
 * run can be replayed with the same --seed.
 */
import type { AbSide } from '../../contract/ab.js';

export type BlockPattern = 'ABBA' | 'BAAB';

/** A 32-bit integer mix (the finaliser of MurmurHash3): neighbouring inputs give unrelated outputs. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function blockPattern(seed: number, cellIndex: number, block: number): BlockPattern {
  const h = mix32(mix32(mix32(seed) ^ Math.imul(cellIndex + 1, 0x9e3779b1)) ^ Math.imul(block + 1, 0x7feb352d));
  // The top bit: the low bits of a multiplicative mix are the weakest.
  return h >>> 31 === 0 ? 'ABBA' : 'BAAB';
}

/** The two rounds of pair `pair` (0-based) of a cell, in the order they run. */
export function pairOrder(seed: number, cellIndex: number, pair: number): [AbSide, AbSide] {
  const pattern = blockPattern(seed, cellIndex, Math.floor(pair / 2));
  const firstOfBlock = pair % 2 === 0;
  const startsWithA = pattern === 'ABBA' ? firstOfBlock : !firstOfBlock;
  return startsWithA ? ['a', 'b'] : ['b', 'a'];
}
