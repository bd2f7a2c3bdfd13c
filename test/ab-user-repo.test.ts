/**
 * `bench ab --base HEAD~1` in a user's repository (bench installed as a dependency): the
 * user's own code at HEAD~1, checked out and built with their `npm run build`, against the
 * working tree, both run by the installed bench. A commit that changes nothing measurable
 * (a comment) passes the gate; one that makes the function 25 % slower fails it (exit 1).
 *
 * Quick and robust on a busy 2-core machine: the baseline strategy alone, 200 ms phases
 * (hundreds of tasks a round, so a round's median latency rides out bursts of other load),
 * the gate's own 5 % threshold. The unchanged case ends at its one look at 8 pairs, where a
 * false alarm needs all 8 pairs beyond +5 %. The slower one is mostly decided at 8 or 12
 * pairs, by the tasks' median latency (up 20–30 %, in each pair, even at a load average of
 * 13 that spread the throughput ratios from 0.4 to 1.6); the gate's default 30 pairs are its
 * room should several pairs be outliers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASELINE_STRATEGY } from '../runners/contract/strategies.js';
import { readResults, tempDir } from './helpers/cli.js';
import { benchIn, GIT_MISSING, libSource, makeUserRepo, type UserRepo } from './helpers/user-repo.js';

let made: UserRepo | undefined;
/** The repository, its first commit made: both tests add theirs in turn. */
const userRepo = (): UserRepo => {
  if (made === undefined) {
    made = makeUserRepo();
    made.commit('the project with its suite');
  }
  return made;
};

const gate = (maxRounds: number): string[] => [
  'ab',
  '--base',
  'HEAD~1',
  '--suite',
  'bench/x.bench.mjs',
  '--strategies',
  BASELINE_STRATEGY,
  '--phase-time',
  '200',
  '--max-rounds',
  String(maxRounds),
  '--no-report',
  '--json',
];

test("a commit that changes nothing measurable in the user's code passes the gate", { skip: GIT_MISSING, timeout: 420_000 }, async () => {
  const repo = userRepo();
  repo.write({ 'src/lib.mjs': libSource(1, 'a comment: nothing measurable changes') });
  repo.commit('a comment');
  repo.build();
  const out = tempDir();
  const result = await benchIn(repo.dir, [...gate(8), '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stderr,
    /your repository's code: A its worktree at HEAD~1, built with "npm run build --if-present", B the working tree as it is; both run by the installed bench/,
  );
  assert.match(result.stderr, /base: building with "npm run build --if-present"/);
  const summary = JSON.parse(result.stdout) as { regressed: boolean; cells: Array<{ verdict: string }> };
  assert.equal(summary.regressed, false);
  assert.equal(summary.cells.length, 1);

  const run = readResults(out);
  assert.equal(run.ab?.sides.a.commit, repo.git('rev-parse', 'HEAD~1').trim(), "side A is the user's commit");
  assert.equal(run.ab?.sides.b.commit, repo.git('rev-parse', 'HEAD').trim());
  assert.equal(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)?.length, 1, 'the base worktree is removed');
});

test("a commit that makes the user's function 25 % slower fails the gate: exit 1", { skip: GIT_MISSING, timeout: 420_000 }, async () => {
  const repo = userRepo();
  repo.write({ 'src/lib.mjs': libSource(1.25, 'a comment: nothing measurable changes') });
  repo.commit('25 % more work');
  repo.build();
  const result = await benchIn(repo.dir, [...gate(30), '--out', tempDir()]);
  assert.equal(result.code, 1, result.stderr);
  const summary = JSON.parse(result.stdout) as { regressed: boolean; cells: Array<{ verdict: string; key: { strategy: string } }> };
  assert.equal(summary.regressed, true);
  assert.deepEqual(
    summary.cells.map((cell) => `${cell.key.strategy}: ${cell.verdict}`),
    [`${BASELINE_STRATEGY}: regressed`],
  );
});
