/**
 * Fault matrix: SIGKILL of the CLI itself mid-run, while a cell spins in an infinite loop
 * (on its main thread, or in a process pool's children). Nothing in the CLI runs after a
 * SIGKILL, so the cell's supervisor must notice (its pipe from the CLI closes) and end the
 * cell, its children and its scratch folder long before --cell-timeout.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, startCli, tempDir } from './helpers/cli.js';
import { newMarker, processesMarked } from './helpers/fault-matrix.js';
import { waitUntil } from './helpers/wait.js';

for (const [strategy, spinning] of [
  ['main-thread', 1],
  ['process-pool', 3],
] as const) {
  test(`SIGKILL of the CLI during a hanging ${strategy} cell leaves no process and no scratch folder`, {
    skip: process.platform !== 'linux',
  }, async () => {
    const tmp = tempDir('bench-test-tmp-');
    const marker = newMarker();
    const { child, done } = startCli(
      [
        'run',
        '--suite',
        fixture('hang-suite.js'),
        '--strategies',
        strategy,
        '--workers',
        '2',
        '--rounds',
        '1',
        '--phase-time',
        '40',
        '--cell-timeout',
        '120',
        '--no-report',
        '--out',
        tempDir(),
      ],
      { ...marker.env, TMPDIR: tmp },
    );
    const cellProcesses = (): string[] => processesMarked(marker.needle).filter((line) => /(cell|child)-entry.*hang-suite/.test(line));
    try {
      await waitUntil(() => cellProcesses().length >= spinning, `the ${strategy} cell's ${spinning} process(es) to run`);
      assert.equal(readdirSync(tmp).length, 1, 'the run made its scratch folder');
    } finally {
      child.kill('SIGKILL');
      await done;
    }
    await waitUntil(() => processesMarked(marker.needle).length === 0, 'every process of the run to end', { timeoutMs: 10_000 });
    assert.deepEqual(readdirSync(tmp), [], 'the scratch folder is removed');
  });
}
