/**
 * A write that fails after its temp file was made (here the rename: the target is a
 * directory) removes the temp file, sync and async alike: a full disk or a bad path must
 * not leave `*.tmp` litter beside the results.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFileAtomic, writeFileAtomicSync, writeJsonAtomic } from '../runners/common/write-atomic.js';
import { tempDir } from './helpers/cli.js';

function blockedTarget(): { dir: string; target: string } {
  const dir = tempDir();
  const target = join(dir, 'run.json');
  mkdirSync(target);
  writeFileSync(join(target, 'keeps-it-non-empty'), '');
  return { dir, target };
}

test('a failed async write leaves only what was there before', async () => {
  const { dir, target } = blockedTarget();
  await assert.rejects(writeFileAtomic(target, 'data'));
  assert.deepEqual(readdirSync(dir), ['run.json']);
});

test('a failed sync write leaves only what was there before', () => {
  const { dir, target } = blockedTarget();
  assert.throws(() => writeFileAtomicSync(target, 'data'));
  assert.throws(() => writeJsonAtomic(target, { a: 1 }));
  assert.deepEqual(readdirSync(dir), ['run.json']);
});
