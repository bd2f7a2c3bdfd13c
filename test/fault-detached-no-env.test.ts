/**
 * Fault matrix: a helper that forks away at once into a session of its own with an empty
 * environment — no token, no process group, no parent to follow it by. A cgroup holds it
 * whatever it does; without one (BENCH_NO_CGROUP=1) the supervising shell, a subreaper,
 * becomes its parent. Either way nothing of it survives `bench run`, and the results file
 * counts the processes reaped.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cgroupsAvailable } from '../runners/orchestrate/cgroup-scope.js';
import { subreaperAvailable } from '../runners/orchestrate/subreaper.js';
import { fixture, readResults } from './helpers/cli.js';
import { helperSleepOf, processesWithArgument, runSuites } from './helpers/fault-matrix.js';
import { waitUntil } from './helpers/wait.js';

const linux = process.platform === 'linux';

const modes: { name: string; env: Record<string, string>; skip: boolean }[] = [
  { name: 'in a cgroup', env: {}, skip: !linux || !cgroupsAvailable() },
  { name: 'without a cgroup: a subreaper', env: { BENCH_NO_CGROUP: '1' }, skip: !linux || !subreaperAvailable() },
];

for (const mode of modes) {
  test(`a detached helper with an empty environment does not outlive bench run (${mode.name}); the results count it`, {
    skip: mode.skip,
  }, async () => {
    const result = await runSuites([fixture('faults/detached-no-env.js')], {
      strategies: ['main-thread', 'process-pool'],
      extraArgs: ['--workers', '2', '--quick'],
      env: mode.env,
    });
    assert.equal(result.code, 0, result.stderr);
    const helper = helperSleepOf(result.marker);
    // Kills are asynchronous: give the last ones a moment, then name whoever is still there.
    await waitUntil(() => processesWithArgument(helper).length === 0, 'the helpers to end', { timeoutMs: 5_000 }).catch(() => {});
    const survivors = processesWithArgument(helper);
    for (const line of survivors) process.kill(Number(line.split(' ')[0]), 'SIGKILL');
    assert.deepEqual(survivors, [], 'no helper survives the run');
    const run = readResults(result.out);
    assert.ok(
      run.cells.every((cell) => cell.status === 'completed'),
      'both cells completed',
    );
    // One helper at least in each cell: the main thread's, and each pool process's.
    assert.ok((run.reaped ?? 0) >= 2, `the results count the reaped helpers, found reaped: ${run.reaped}`);
  });
}
