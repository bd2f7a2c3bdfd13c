/**
 * Where a command will write, checked before it reads or measures anything: a path that
 * cannot be written is the user's to fix (exit 2, naming the flag), and a run that found
 * out only at the end would lose every figure it measured.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { unwritableDirReason } from '../../runners/common/make-dirs.js';
import { UsageError } from './usage-error.js';

/** A directory the command writes into (created if missing); returns it resolved. */
export function writableDir(flag: string, dir: string): string {
  const resolved = resolve(dir);
  const reason = unwritableDirReason(resolved);
  if (reason !== null) throw new UsageError(`${flag} ${dir}: nothing can be written there (${reason}); choose a writable directory`);
  return resolved;
}

/** A file the command writes (its directory created if missing); returns it resolved. */
export function writableFile(flag: string, file: string): string {
  const resolved = resolve(file);
  if (existsSync(resolved) && statSync(resolved).isDirectory()) {
    throw new UsageError(`${flag} ${file}: that is a directory; give a file path in it, e.g. ${join(file, 'out')}`);
  }
  const reason = unwritableDirReason(dirname(resolved));
  if (reason !== null) throw new UsageError(`${flag} ${file}: it cannot be written (${reason}); choose a path in a writable directory`);
  return resolved;
}

/**
 * An output that is also one of the command's inputs would destroy what it reads (`bench
 * merge a.json b.json --out a.json`): refused before anything is read. The same file is
 * found by device and inode, so a symbolic or hard link to an input counts too.
 */
export function notAnInput(flag: string, out: string, inputs: readonly string[]): void {
  if (!existsSync(out)) return;
  const target = statSync(out);
  for (const input of inputs) {
    if (!existsSync(input)) continue;
    const source = statSync(input);
    if (source.dev === target.dev && source.ino === target.ino) {
      throw new UsageError(`${flag} ${out} is also an input (${input}): writing it would destroy what it holds; give another path`);
    }
  }
}
