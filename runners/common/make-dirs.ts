/**
 * `mkdir -p` that cannot spin. Node 20's `mkdir(path, { recursive: true })` loops forever,
 * at 100 % CPU and deaf to Ctrl-C while it blocks, on a path the file system refuses with
 * ENOENT under an existing parent (anything under /proc, for one). This walks up to the
 * first directory that exists and creates each level once, so every refusal is an error.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { errorMessage } from './error-message.js';

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

export function makeDirs(path: string): void {
  const target = resolve(path);
  if (isDirectory(target)) return;
  const parent = dirname(target);
  if (parent !== target) makeDirs(parent);
  try {
    mkdirSync(target);
  } catch (error) {
    // Another process may have made it meanwhile; anything else is the answer.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !isDirectory(target)) throw error;
  }
}

/**
 * Creates `dir` and proves a file can be written in it, before anything is measured: a run
 * that could not save its results at the end would lose them all. Returns why not, or null.
 */
export function unwritableDirReason(dir: string): string | null {
  const probe = join(resolve(dir), `.bench-write-test-${process.pid}`);
  try {
    makeDirs(dir);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}
