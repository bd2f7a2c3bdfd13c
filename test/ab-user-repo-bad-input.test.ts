/**
 * `bench ab --base` in a user's repository refuses, before anything is measured, what would
 * compare the same code with itself or nothing at all: bench's built-in suite, a suite file
 * outside the repository, a suite file REF does not have. Each is one line and exit 2, before
 * any checkout. A base whose build fails is exit 2 too, its error line quoting the build's
 * own last line, and its worktree is removed.
 */
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BASELINE_STRATEGY } from '../runners/contract/strategies.js';
import { tempDir } from './helpers/cli.js';
import { benchIn, GIT_MISSING, makeUserRepo, type UserRepo } from './helpers/user-repo.js';

const BROKEN_BUILD = 'echo compiling && echo "src/lib.ts(3,1): error TS1005: broken-build-marker" >&2 && exit 3';

const outside = join(tempDir('bench-ab-outside-'), 'x.bench.mjs');
writeFileSync(
  outside,
  "export default { name: 'outside', description: '', defaultSize: 1, sizes: [1], makeInput: () => 1, run: (x) => x, verify: () => true };\n",
);

let made: UserRepo | undefined;
/** HEAD~1: a build that fails; HEAD: one that works, and a suite only the working tree has. */
const userRepo = (): UserRepo => {
  if (made !== undefined) return made;
  const repo = makeUserRepo({
    'package.json': JSON.stringify({ name: 'my-project', private: true, type: 'module', scripts: { build: BROKEN_BUILD } }),
  });
  repo.commit('a build that fails');
  repo.write({
    'package.json': JSON.stringify({ name: 'my-project', private: true, type: 'module', scripts: { build: 'node build.mjs' } }),
  });
  repo.commit('the build fixed');
  repo.write({ 'bench/new.bench.mjs': "export { default } from './x.bench.mjs';\n" });
  repo.build();
  made = repo;
  return repo;
};

const ab = (...args: string[]): string[] => ['ab', '--strategies', BASELINE_STRATEGY, '--max-rounds', '8', '--no-report', ...args];

const cases: [string, string[], RegExp][] = [
  [
    "bench's built-in suite",
    ab('--base', 'HEAD', '--suite', 'fib'),
    /--suite fib is bench's own built-in suite, the same code on both sides of --base: give a suite file of this repository/,
  ],
  ['a suite file outside the repository', ab('--base', 'HEAD', '--suite', outside), /--suite .*x\.bench\.mjs lies outside the repository /],
  [
    'a suite file the base does not have',
    ab('--base', 'HEAD', '--suite', 'bench/new.bench.mjs'),
    /^Error: bench\/new\.bench\.mjs does not exist at REF HEAD \(\w{12}\); a suite new in the working tree has no base/,
  ],
  ['a ref that does not exist', ab('--base', 'no-such-ref', '--suite', 'bench/x.bench.mjs'), /--base no-such-ref: no such commit in /],
  [
    '--build without --base',
    ab('--aa', '--suite', 'bench/x.bench.mjs', '--build', 'make'),
    /--build says how to build the --base worktree/,
  ],
];

for (const [what, args, message] of cases) {
  test(`bench ab in a user's repository with ${what}: one line, exit 2, nothing written`, { skip: GIT_MISSING }, async () => {
    const repo = userRepo();
    const out = tempDir();
    const result = await benchIn(repo.dir, [...args, '--out', out]);
    assert.equal(result.code, 2, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^Error: /);
    assert.match(lines[0]!, message);
    assert.deepEqual(
      readdirSync(out).filter((name) => name.endsWith('.json')),
      [],
    );
    assert.equal(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)?.length, 1, 'nothing checked out');
  });
}

test("a base whose build fails: the build's last line in one error, exit 2, its worktree removed", {
  skip: GIT_MISSING,
  timeout: 120_000,
}, async () => {
  const repo = userRepo();
  const out = tempDir();
  const result = await benchIn(repo.dir, [...ab('--base', 'HEAD~1', '--suite', 'bench/x.bench.mjs'), '--out', out]);
  assert.equal(result.code, 2, result.stderr);
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  assert.match(
    last,
    /^Error: --base HEAD~1: the base failed to build \("npm run build --if-present" exited 3: src\/lib\.ts\(3,1\): error TS1005: broken-build-marker\); fix it at that commit, choose another --base, or set the build with --build/,
  );
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.deepEqual(
    readdirSync(out).filter((name) => name.endsWith('.json')),
    [],
  );
  assert.equal(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)?.length, 1, 'the worktree is removed');
});
