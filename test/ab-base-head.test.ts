/**
 * `bench ab --base HEAD` in this checkout, end to end: HEAD checked out in a temp worktree,
 * set up (node_modules linked: the lock files are the same) and built with `npm run build`,
 * its compiled cells run as side A against this build as side B, and the worktree removed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { gitTop } from '../runners/orchestrate/ab/git.js';
import { repoRoot } from './fixtures/paths.js';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

const top = gitTop(repoRoot());

test('bench ab --base HEAD checks out, builds, measures both sides and removes its worktree', {
  skip: top === null && 'not a git checkout: --base needs one (run the tests in a clone)',
  timeout: 180_000,
}, async () => {
  const out = tempDir();
  const args = ['ab', '--base', 'HEAD', '--suite', fixture('tiny-suite.js'), '--strategies', 'main-thread'];
  const result = await runCli([...args, '--phase-time', '60', '--max-rounds', '8', '--no-report', '--json', '--out', out]);
  // HEAD and the working tree may truly differ: either verdict, never bad input or a crash.
  assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}:\n${result.stderr}`);

  const worktree = /base: checking out HEAD \(\w+\) in (\S+)/.exec(result.stderr)?.[1];
  assert.ok(worktree, result.stderr);
  assert.match(result.stderr, /base: HEAD \(\w+\) set up and built in [\d.]+ s, the head's node_modules linked/);
  assert.equal(existsSync(worktree), false, 'the worktree folder is removed');
  const listed = execFileSync('git', ['-C', top!, 'worktree', 'list', '--porcelain'], { encoding: 'utf8' });
  assert.doesNotMatch(listed, new RegExp(worktree.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'git no longer lists it');

  const run = readResults(out);
  const head = execFileSync('git', ['-C', top!, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  assert.equal(run.ab?.sides.a.ref, 'HEAD');
  assert.equal(run.ab?.sides.a.commit, head);
  const rounds = run.ab?.cells[0]?.rounds ?? [];
  assert.equal(rounds.filter((round) => round.side === 'a').length, 8, "the base's rounds");
  assert.equal(rounds.filter((round) => round.side === 'b').length, 8, "the head's rounds");
});
