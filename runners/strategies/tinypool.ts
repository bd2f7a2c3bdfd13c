import { peerStrategy } from './peer-strategy.js';

export const tinypool = peerStrategy('tinypool', async () => (await import('../executors/peers/tinypool-pool.js')).tinypoolPool);
