/**
 * Fault matrix: SIGKILL of the CLI during `bench http`, while a cluster server runs and each
 * of its workers has forked away a helper into a session of its own with an empty
 * environment (the server process's grandchildren). Nothing in the CLI runs after a SIGKILL:
 * the server's supervisor must end the server, its cluster workers and the helpers, with a
 * cgroup and without one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { cgroupsAvailable } from '../runners/orchestrate/cgroup-scope.js';
import { subreaperAvailable } from '../runners/orchestrate/subreaper.js';
import { fixture, startCli, tempDir } from './helpers/cli.js';
import { helperSleepOf, newMarker, processesWithArgument } from './helpers/fault-matrix.js';
import { alive, descendants } from './helpers/processes.js';
import { waitUntil } from './helpers/wait.js';

const linux = process.platform === 'linux';
const modes: { name: string; env: Record<string, string>; skip: boolean }[] = [
  { name: 'in a cgroup', env: {}, skip: !linux || !cgroupsAvailable() },
  { name: 'without a cgroup: a subreaper', env: { BENCH_NO_CGROUP: '1' }, skip: !linux || !subreaperAvailable() },
];

for (const mode of modes) {
  test(`SIGKILL of the CLI during bench http leaves no server, cluster worker or grandchild (${mode.name})`, {
    skip: mode.skip,
  }, async () => {
    const marker = newMarker();
    const helper = helperSleepOf(marker);
    const { child, done } = startCli(
      [
        'http',
        '--suite',
        fixture('faults/detached-no-env.js'),
        '--strategies',
        'cluster',
        '--workers',
        '2',
        '--connections',
        '4',
        '--duration',
        '60',
        '--warmup',
        '0',
        '--out',
        tempDir(),
      ],
      { ...marker.env, TMPDIR: tempDir('bench-test-tmp-'), ...mode.env },
    );
    // Every process the run starts descends from the CLI until the SIGKILL: watch them all.
    const seen = new Set<number>();
    const look = (): void => {
      for (const pid of [...descendants(child.pid!), ...processesWithArgument(helper).map((line) => Number(line.split(' ')[0]))])
        seen.add(pid);
    };
    try {
      await waitUntil(() => {
        look();
        return processesWithArgument(helper).length >= 2;
      }, "both cluster workers' helpers to run");
      look();
    } finally {
      child.kill('SIGKILL');
      await done;
    }
    // The server, its two cluster workers and their two helpers at least.
    assert.ok(seen.size >= 5, `expected the server's processes and the helpers, saw ${seen.size}`);
    for (let i = 0; i < 200 && [...seen].some(alive); i++) await sleep(50);
    const survivors = [...seen].filter(alive);
    for (const pid of survivors) process.kill(pid, 'SIGKILL');
    assert.deepEqual(survivors, [], 'no process of the run survives the SIGKILL of the CLI');
  });
}
