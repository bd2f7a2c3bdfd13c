/**
 * Writes a file so a reader never sees half of it: a temp file in the same directory
 * (so the rename stays on one file system), then a rename over the target.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { makeDirs } from './make-dirs.js';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  makeDirs(dirname(path));
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error: unknown) {
    await rm(temp, { force: true });
    throw error;
  }
}
