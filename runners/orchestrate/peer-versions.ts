/**
 * The installed version of each peer pool package, read from its package.json in the CLI
 * (the cells load the same node_modules). Recorded in the results context and shown by
 * `bench list`, so a peer's figures always say which release made them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeModulesDirs } from '../common/node-modules-dirs.js';
import type { PeerPackage } from '../contract/strategies.js';

/** The version of `peer` as installed, or null when it is not installed. */
export function peerVersion(peer: PeerPackage): string | null {
  // The first folder holding it is the one the cells' imports resolve to.
  for (const dir of nodeModulesDirs(import.meta.url)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, peer, 'package.json'), 'utf8')) as { version?: unknown };
      return typeof pkg.version === 'string' ? pkg.version : null;
    } catch {
      // Not in this folder: the next one up.
    }
  }
  return null;
}

/** Package → version of `peers`, the ones not installed left out. */
export function peerVersions(peers: readonly PeerPackage[]): Record<string, string> {
  return Object.fromEntries(
    peers.flatMap((peer) => {
      const version = peerVersion(peer);
      return version === null ? [] : [[peer, version]];
    }),
  );
}
