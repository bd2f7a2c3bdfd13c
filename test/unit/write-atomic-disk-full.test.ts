/**
 * A full disk while a results file is written: one line naming the file, the device's
 * directory and the fix (Node's own "ENOSPC: no space left on device, write" names none),
 * the file as it was, no temp file left. The full disk is a write that fails as one does.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { WriteFailedError, writeJsonAtomic } from '../../runners/common/write-atomic.js';

const diskFull = (): never => {
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
};

test('a write that finds the disk full names the file and the fix, and leaves the old file alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-disk-full-'));
  const path = join(dir, 'run.json');
  writeFileSync(path, '{"before":true}\n');
  assert.throws(
    () => writeJsonAtomic(path, { after: true }, { elsewhere: 'pass --out elsewhere', writeTemp: diskFull }),
    (error: unknown) => {
      assert.ok(error instanceof WriteFailedError, String(error));
      assert.equal(error.code, 'ENOSPC');
      assert.equal(
        error.message,
        `cannot write ${path}: no space left on the device (ENOSPC); free space on ${dir}, or pass --out elsewhere`,
      );
      return true;
    },
  );
  assert.equal(readFileSync(path, 'utf8'), '{"before":true}\n');
  assert.deepEqual(readdirSync(dir), ['run.json']);
});
