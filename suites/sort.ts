import type { Suite } from './suite.js';
import { seededRandom } from './seeded-random.js';

/**
 * Order-independent fingerprint of a multiset of doubles: the sum and the XOR of their
 * bit patterns. A sorted output must carry the same elements, not merely be ordered.
 */
function multisetChecksum(values: Float64Array): { sum: number; xor: number } {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  let xor = 0;
  // High words are scrambled so that swapping halves between elements changes the result.
  for (let i = 0; i < words.length; i++) xor ^= Math.imul(words[i]!, i & 1 ? 0x9e3779b1 : 1);
  let sum = 0;
  for (const value of values) sum += value;
  return { sum, xor };
}

function isAscending(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i - 1]! > values[i]!) return false;
  return true;
}

export default {
  name: 'sort',
  description: 'sort a seeded Float64Array (typed-array payload, transferable)',
  defaultSize: 100_000,
  sizes: [1_000, 10_000, 100_000, 1_000_000],
  maxSize: 50_000_000,
  makeInput(size: number, seed: number): Float64Array {
    const random = seededRandom(seed);
    const values = new Float64Array(size);
    for (let i = 0; i < size; i++) values[i] = random() * 1e6;
    return values;
  },
  run: (input: Float64Array): Float64Array => input.slice().sort(),
  verify(input: Float64Array, output: Float64Array): boolean {
    if (!(output instanceof Float64Array) || output.length !== input.length || !isAscending(output)) return false;
    const [expected, actual] = [multisetChecksum(input), multisetChecksum(output)];
    // Sums of the same values in another order may differ in the last bits.
    return expected.xor === actual.xor && Math.abs(expected.sum - actual.sum) <= 1e-9 * Math.abs(expected.sum) + 1e-6;
  },
} satisfies Suite<Float64Array, Float64Array>;
