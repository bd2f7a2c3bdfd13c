import { peerStrategy } from './peer-strategy.js';

export const poolifier = peerStrategy('poolifier', async () => (await import('../executors/peers/poolifier-pool.js')).poolifierPool);
