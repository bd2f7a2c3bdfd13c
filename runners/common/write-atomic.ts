/**
 * Writes a file so a reader (or a crash) never sees half of it: a temp file with a random
 * name in the same directory (so the rename stays on one file system), then a rename over
 * the target. On failure the temp file is removed, so a full disk leaves no litter behind.
 * The sync form is for the run loop, which saves after every round and from a Ctrl-C
 * handler, where an await could be cut short by the exit. A failure names the file and the
 * fix (Node's own "ENOSPC: no space left on device, write" names neither).
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { errorMessage } from './error-message.js';
import { formatJson } from './format-json.js';
import { makeDirs } from './make-dirs.js';

/** A file that could not be written, in one line: which, why, and what to do. `code`: the errno code, if any. */
export class WriteFailedError extends Error {
  override readonly name = 'WriteFailedError';

  constructor(
    readonly path: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

export interface WriteOptions {
  /** The other half of the fix, for the flag that chose the path: "pass --out elsewhere". */
  elsewhere?: string;
  /** The write of the temp file; a test hands in one that fails as a full disk does. */
  writeTemp?: typeof writeFileSync;
}

const FULL: Record<string, string> = { ENOSPC: 'no space left on the device', EDQUOT: 'the disk quota is used up' };

/** `error`, thrown while writing `path`, as a WriteFailedError naming the file and the fix. */
export function writeFailure(path: string, error: unknown, elsewhere = 'write it elsewhere'): WriteFailedError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const full = code !== undefined && Object.hasOwn(FULL, code) ? FULL[code] : undefined;
  const message =
    full !== undefined
      ? `cannot write ${path}: ${full} (${code}); free space on ${dirname(path)}, or ${elsewhere}`
      : `cannot write ${path}: ${errorMessage(error, { firstLine: true })}; check the path and its permissions, or ${elsewhere}`;
  return new WriteFailedError(path, code, message);
}

function tempPathBeside(path: string): string {
  makeDirs(dirname(path));
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, { elsewhere }: WriteOptions = {}): Promise<void> {
  let temp: string | undefined;
  try {
    temp = tempPathBeside(path);
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error: unknown) {
    if (temp !== undefined) await rm(temp, { force: true });
    throw writeFailure(path, error, elsewhere);
  }
}

export function writeFileAtomicSync(
  path: string,
  data: string | Uint8Array,
  { elsewhere, writeTemp = writeFileSync }: WriteOptions = {},
): void {
  let temp: string | undefined;
  try {
    temp = tempPathBeside(path);
    writeTemp(temp, data);
    renameSync(temp, path);
  } catch (error: unknown) {
    if (temp !== undefined) rmSync(temp, { force: true });
    throw writeFailure(path, error, elsewhere);
  }
}

/** A results file: formatJson with a trailing newline, written atomically (synchronously). */
export function writeJsonAtomic(path: string, value: unknown, options: WriteOptions = {}): void {
  writeFileAtomicSync(path, `${formatJson(value)}\n`, options);
}
