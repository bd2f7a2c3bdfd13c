import type { Suite } from './suite.js';
import { seededRandom } from './seeded-random.js';

/** Doubles in a payload of `size` bytes: whole doubles only, at least one. */
const lengthFor = (size: number): number => Math.max(1, Math.floor(size / Float64Array.BYTES_PER_ELEMENT));

/**
 * Next to no work per task: what it measures is the cost of getting a payload to a worker
 * and back. At its smallest size (8 bytes, one double) that is pure dispatch; the sweep
 * shows how the transports' costs grow with the payload.
 */
export default {
  name: 'echo',
  description: 'return a seeded Float64Array of `size` bytes with 1 added to each element (dispatch and transport cost)',
  defaultSize: 8,
  sizes: [8, 1_024, 65_536, 1_048_576, 16_777_216],
  maxSize: 1 << 30,
  makeInput(size: number, seed: number): Float64Array {
    const random = seededRandom(seed);
    const values = new Float64Array(lengthFor(size));
    for (let i = 0; i < values.length; i++) values[i] = random() * 1e6;
    return values;
  },
  run(input: Float64Array): Float64Array {
    const output = new Float64Array(input.length);
    for (let i = 0; i < input.length; i++) output[i] = input[i]! + 1;
    return output;
  },
  verify(input: Float64Array, output: Float64Array): boolean {
    if (!(output instanceof Float64Array) || output.length !== input.length) return false;
    for (let i = 0; i < input.length; i++) if (output[i] !== input[i]! + 1) return false;
    return true;
  },
} satisfies Suite<Float64Array, Float64Array>;
