/**
 * Temp directories for tests, each removed when the test file's process exits — passed,
 * failed or thrown — so no run leaves bench-test-* folders behind in the system's tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'bench-test-'): string {
  const dir = mkdtempSync(join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
