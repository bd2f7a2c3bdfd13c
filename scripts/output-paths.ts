/**
 * Where a command will write, checked before it reads or measures anything: a path that
 * cannot be written is the user's to fix (exit 2, naming the flag), and a run that found
 * out only at the end would lose every figure it measured.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { unwritableDirReason } from '../runners/common/make-dirs.js';
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
