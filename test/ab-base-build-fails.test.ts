/**
 * `--base REF` whose build fails is bad input: the build log's last lines on stderr, then
 * one error naming the ref (exit 2 via exitCode), and its worktree is removed. A throwaway
 * repository stands in for the project: a commit whose `npm run build` fails.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkOutBase } from '../runners/orchestrate/ab/base-worktree.js';
import { tempDir } from './helpers/temp-dirs.js';

const hasGit = (): boolean => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

test('a base whose build fails: its log tail, one error with exit code 2, no worktree left', {
  skip: !hasGit() && 'git is not installed',
}, async () => {
  const top = tempDir('bench-ab-repo-');
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', top, '-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { encoding: 'utf8' });
  git('init', '--quiet');
  writeFileSync(
    join(top, 'package.json'),
    JSON.stringify({ name: 'broken', scripts: { build: 'echo compiling && echo "src/x.ts(3,1): error: broken-build-marker" && exit 3' } }),
  );
  writeFileSync(join(top, '.gitignore'), 'node_modules/\n');
  mkdirSync(join(top, 'node_modules')); // the same (absent) lock file: linked, no npm install
  git('add', '.');
  git('commit', '--quiet', '-m', 'a commit that does not build');

  const lines: string[] = [];
  await assert.rejects(
    checkOutBase({
      top,
      ref: 'HEAD',
      harnessRoot: top,
      harnessBuild: join(top, 'dist'),
      headCellEntry: join(top, 'dist/runners/cell/cell-entry.js'),
      signal: new AbortController().signal,
      log: (line) => lines.push(line),
    }),
    (error: Error & { exitCode?: number }) => {
      assert.equal(error.exitCode, 2);
      assert.match(
        error.message,
        /^--base HEAD: the base failed to build \(npm run build exited 3\); fix it at that commit or choose another --base$/,
      );
      return true;
    },
  );
  assert.ok(
    lines.some((line) => /broken-build-marker/.test(line)),
    `the log's last lines are shown:\n${lines.join('\n')}`,
  );
  const worktree = /checking out HEAD \(\w+\) in (\S+)/.exec(lines[0] ?? '')?.[1];
  assert.ok(worktree, lines[0]);
  assert.equal(existsSync(worktree), false, 'the worktree folder is gone');
  assert.equal(git('worktree', 'list', '--porcelain').match(/^worktree /gm)?.length, 1, 'git knows only the main worktree');
  assert.ok(existsSync(join(top, 'node_modules')), "the head's node_modules, linked into the worktree, is untouched");
});
