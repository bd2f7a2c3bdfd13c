import { peerStrategy } from './peer-strategy.js';

export const piscina = peerStrategy('piscina', async () => (await import('../executors/peers/piscina-pool.js')).piscinaPool('sync'));
