/**
 * Writes a file so a reader (or a crash) never sees half of it: a temp file with a random
 * name in the same directory (so the rename stays on one file system), then a rename over
 * the target. On failure the temp file is removed, so a full disk leaves no litter behind.
 * The sync form is for the run loop, which saves after every round and from a Ctrl-C
 * handler, where an await could be cut short by the exit.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatJson } from './format-json.js';
import { makeDirs } from './make-dirs.js';

function tempPathBeside(path: string): string {
  makeDirs(dirname(path));
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathBeside(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error: unknown) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const temp = tempPathBeside(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error: unknown) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A results file: formatJson with a trailing newline, written atomically (synchronously). */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomicSync(path, `${formatJson(value)}\n`);
}
