/**
 * Fault matrix: `bench ab` killed mid-run leaves its cells' scratch folder
 * (`bench-ab-cells-<pid>-XXXXXX`, named with the dead CLI's PID). The next `bench ab` removes
 * it, as `bench run` removes a dead run's `bench-cells-<pid>-` folder, and keeps the folder of
 * a run still going (here the test's own PID). The dead run's folder is made by hand, and the
 * cells are the fake cell's: nothing is timed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import { AB_HEAD } from './helpers/ab-runs.js';
import type { CellSpec } from '../runners/contract/protocol.js';
import { startCli, tempDir } from './helpers/cli.js';

const FAKE_CELL = new URL('./fixtures/fake-cell-entry.js', import.meta.url).pathname;

test("the next bench ab removes a killed ab run's cells scratch folder and keeps a live run's", {
  skip: process.platform !== 'linux',
}, async () => {
  const tmp = tempDir('bench-test-tmp-');
  // A PID no process has any more: a short process that has exited.
  const deadPid = spawnSync('true').pid;
  const dead = `bench-ab-cells-${deadPid}-aB3dE9`;
  const live = `bench-ab-cells-${process.pid}-zZ9yY8`;
  mkdirSync(join(tmp, dead));
  // What a cell of the killed run left inside: removed with the folder.
  writeFileSync(join(tmp, dead, 'round-0.json'), '{"half');
  mkdirSync(join(tmp, live));

  const specs = tempDir();
  const args = ['ab', '--aa', '--suite', AB_HEAD, '--strategies', 'main-thread', '--phase-time', '80', '--max-rounds', '8'];
  const { child, done } = startCli([...args, '--no-report', '--out', tempDir()], {
    TMPDIR: tmp,
    BENCH_CELL_ENTRY: FAKE_CELL,
    BENCH_FAKE_CELL_SPECS: specs,
  });
  const result = await done;
  assert.equal(result.code, 0, result.stderr);
  const notices = result.stderr.split('\n').filter((line) => line.startsWith('bench: '));
  assert.equal(notices.length, 1, result.stderr);
  assert.match(notices[0]!, /^bench: removed 1 scratch folder left in .* by runs that were killed$/);
  assert.deepEqual(readdirSync(tmp), [live], "the dead run's folder removed, the live run's kept, this run's own removed");

  // This run's own cells wrote into a folder named with its PID, so a run after a kill of it finds it.
  const [spec] = readdirSync(specs).map((name) => JSON.parse(readFileSync(join(specs, name), 'utf8')) as CellSpec);
  assert.match(basename(dirname(spec?.outcomePath ?? '')), new RegExp(`^bench-ab-cells-${child.pid}-`));
});
