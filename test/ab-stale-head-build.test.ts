/**
 * The dirty worktree that matters for `--base`: a changed source file of the cells' code
 * whose build is older than it (the head side would measure the code before the change).
 * Built uncommitted changes, and changes outside the cells' code, are fine.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { staleHeadSource } from '../runners/orchestrate/ab/git.js';
import { tempDir } from './helpers/temp-dirs.js';

test('staleHeadSource names a changed cell source newer than its build, and nothing once it is built', () => {
  const top = tempDir('bench-ab-stale-');
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', top, '-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { encoding: 'utf8' });
  git('init', '--quiet');
  mkdirSync(join(top, 'runners/cell'), { recursive: true });
  mkdirSync(join(top, 'dist/runners/cell'), { recursive: true });
  writeFileSync(join(top, '.gitignore'), 'dist/\n');
  writeFileSync(join(top, 'runners/cell/measure.ts'), 'export const x = 1;\n');
  writeFileSync(join(top, 'README.md'), 'docs\n');
  git('add', '.');
  git('commit', '--quiet', '-m', 'start');
  const dist = join(top, 'dist');
  const old = new Date(Date.now() - 60_000);
  writeFileSync(join(dist, 'runners/cell/measure.js'), 'export const x = 1;\n');
  utimesSync(join(dist, 'runners/cell/measure.js'), old, old);

  assert.equal(staleHeadSource(top, top, dist), null, 'a clean tree');
  writeFileSync(join(top, 'README.md'), 'more docs\n');
  assert.equal(staleHeadSource(top, top, dist), null, 'a change outside the cells code');

  writeFileSync(join(top, 'runners/cell/measure.ts'), 'export const x = 2;\n');
  assert.deepEqual(staleHeadSource(top, top, dist), { source: 'runners/cell/measure.ts', built: 'dist/runners/cell/measure.js' });
  writeFileSync(join(top, 'runners/cell/new-probe.ts'), 'export {};\n');
  writeFileSync(join(dist, 'runners/cell/measure.js'), 'export const x = 2;\n');
  assert.deepEqual(
    staleHeadSource(top, top, dist),
    { source: 'runners/cell/new-probe.ts', built: 'dist/runners/cell/new-probe.js' },
    'a new file never built',
  );
  writeFileSync(join(dist, 'runners/cell/new-probe.js'), 'export {};\n');
  assert.equal(staleHeadSource(top, top, dist), null, 'every change built');
  assert.equal(
    staleHeadSource(top, join(top, 'node_modules/bench'), dist),
    null,
    'a project that installs bench has no build of ours to check',
  );
});
