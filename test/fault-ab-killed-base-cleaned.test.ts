/**
 * Fault matrix: `bench ab --base` killed while building the base leaves its scratch folder
 * (named with the dead CLI's PID), a git worktree registered in the repository, and maybe the
 * build still running. The next `bench ab` kills that build, removes the folder and prunes the
 * worktree. The dead run's leftovers are made here by hand: nothing is built.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { recordGroup } from '../runners/orchestrate/run-leftovers.js';
import { abArgs } from './helpers/ab-runs.js';
import { runCli, tempDir } from './helpers/cli.js';
import { helperSleepOf, newMarker, processesWithArgument } from './helpers/fault-matrix.js';
import { waitUntil } from './helpers/wait.js';

const FAKE_CELL = new URL('./fixtures/fake-cell-entry.js', import.meta.url).pathname;

test("the next bench ab kills a dead --base run's build, removes its worktree and prunes it from the repository", {
  skip: process.platform !== 'linux',
}, async () => {
  const tmp = tempDir('bench-test-tmp-');
  const repository = tempDir('bench-test-repo-');
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', repository, '-c', 'user.name=bench', '-c', 'user.email=bench@test', ...args], { encoding: 'utf8' });
  git('init', '--quiet');
  git('commit', '--quiet', '--allow-empty', '-m', 'base');

  // A PID no process has any more: a short process that has exited.
  const deadPid = spawnSync('true').pid;
  const scratch = join(tmp, `bench-ab-base-${deadPid}-aB3dE6`);
  git('worktree', 'add', '--quiet', '--detach', join(scratch, 'tree'), 'HEAD');
  // The "build" still running: a process group of its own, recorded as the base build records its.
  const helper = helperSleepOf(newMarker());
  const build = spawn('sleep', [helper], { detached: true, stdio: 'ignore' });
  recordGroup(scratch, build.pid!);
  assert.equal(git('worktree', 'list', '--porcelain').match(/^worktree /gm)?.length, 2, 'the dead run left its worktree registered');

  try {
    const result = await runCli(abArgs(tempDir(), { strategies: 'main-thread' }), { TMPDIR: tmp, BENCH_CELL_ENTRY: FAKE_CELL });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /removed 1 scratch folder .*unregistered 1 git worktree .*killed 1 process group still running/);
    assert.equal(existsSync(scratch), false, 'the scratch folder is removed');
    assert.deepEqual(
      readdirSync(tmp).filter((name) => name.startsWith('bench-ab-base-')),
      [],
    );
    assert.equal(git('worktree', 'list', '--porcelain').match(/^worktree /gm)?.length, 1, 'only the main worktree is left registered');
    await waitUntil(() => processesWithArgument(helper).length === 0, 'the build to be killed', { timeoutMs: 5_000 });
  } finally {
    try {
      process.kill(-build.pid!, 'SIGKILL');
    } catch {
      // ESRCH: killed, as it should be.
    }
  }
});
