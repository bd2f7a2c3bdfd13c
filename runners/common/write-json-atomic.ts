import { renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeDirs } from './make-dirs.js';

/** Pretty JSON, but arrays of numbers (the raw samples) stay on one line each. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_, items: string) => `[${items.replace(/\s+/g, '')}]`);
}

/**
 * Pretty JSON with a trailing newline, written to a temp file and renamed into place:
 * a reader (or a crash) never sees half a file.
 */
export function writeJsonAtomic(path: string, value: unknown): void {
  makeDirs(dirname(path));
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${formatJson(value)}\n`);
  renameSync(temp, path);
}
