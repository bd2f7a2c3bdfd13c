import { type BuiltStrategyName, peerPackageOf } from '../contract/strategies.js';
import { PeerExecutor, type PeerPoolLoader } from '../executors/peers/peer-executor.js';
import type { Strategy } from './strategy.js';

/** A peer pool as a strategy: its library (named in its errors) comes from the registry. */
export function peerStrategy<Name extends BuiltStrategyName>(name: Name, pool: PeerPoolLoader): Strategy<Name> {
  const library = peerPackageOf(name) ?? name;
  return {
    name,
    create: ({ workers, channel, inFlightPerWorker }) => new PeerExecutor(library, pool, workers, channel, inFlightPerWorker),
  };
}
