import { peerStrategy } from './peer-strategy.js';

export const piscinaAtomicsOff = peerStrategy('piscina-atomics-off', async () =>
  (await import('../executors/peers/piscina-pool.js')).piscinaPool('disabled'),
);
