import { createHash } from 'node:crypto';
import type { Suite } from './suite.js';
import { seededRandom } from './seeded-random.js';
import { sha256Hex } from './sha256-reference.js';

export default {
  name: 'sha256',
  description: 'SHA-256 of seeded bytes with node:crypto (byte payload, transferable)',
  defaultSize: 1_048_576,
  sizes: [16_384, 262_144, 1_048_576, 4_194_304],
  maxSize: 268_435_456,
  makeInput(size: number, seed: number): Uint8Array {
    const random = seededRandom(seed);
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = (random() * 256) | 0;
    return bytes;
  },
  run: (input: Uint8Array): string => createHash('sha256').update(input).digest('hex'),
  verify: (input: Uint8Array, output: string): boolean => output === sha256Hex(input),
} satisfies Suite<Uint8Array, string>;
