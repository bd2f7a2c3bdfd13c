/**
 * Where bench's dependencies live: in a clone, its own node_modules; installed in a user's
 * project, the project's node_modules, which holds bench itself (npm hoists the dependencies
 * beside it). Node's resolution searches the same folders, nearest first.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every existing `node_modules` folder that a bare import from `fromUrl` would search, nearest first. */
export function nodeModulesDirs(fromUrl: string | URL): string[] {
  const dirs: string[] = [];
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    // node_modules/node_modules is never searched: Node skips a folder that is itself one.
    if (basename(dir) !== 'node_modules' && existsSync(join(dir, 'node_modules'))) dirs.push(join(dir, 'node_modules'));
    const parent = dirname(dir);
    if (parent === dir) return dirs;
    dir = parent;
  }
}
