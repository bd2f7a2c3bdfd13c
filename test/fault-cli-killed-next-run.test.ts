/**
 * Fault matrix: after SIGKILL of the CLI mid-run, what is left — the results file saved
 * after the last finished cell (incomplete, and saying nothing of why) and the marker naming
 * its dead writer — and the next run into the same directory says so in one line, removing
 * the marker, scratch folders and half-written temp files that dead runs left, and nothing
 * that belongs to a live one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResults } from '../reports/load-results.js';
import { fixture, runCli, startCli, tempDir } from './helpers/cli.js';
import { newMarker, processesMarked } from './helpers/fault-matrix.js';
import { waitUntil } from './helpers/wait.js';

const jsonIn = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.json'));

test('the run after a SIGKILLed one says what it left, in one line, and clears what dead runs left', {
  skip: process.platform !== 'linux',
}, async () => {
  const out = tempDir();
  const tmp = tempDir('bench-test-tmp-');
  const marker = newMarker();
  const run = (suites: string[]): string[] => [
    'run',
    '--suite',
    suites.map((name) => fixture(name)).join(','),
    '--strategies',
    'main-thread',
    '--rounds',
    '1',
    '--phase-time',
    '40',
    '--cell-timeout',
    '60',
    '--no-report',
    '--out',
    out,
  ];
  // The tiny suite's cell completes and is saved; the hang suite's spins until the kill.
  const { child, done } = startCli(run(['tiny-suite.js', 'hang-suite.js']), { ...marker.env, TMPDIR: tmp });
  try {
    await waitUntil(
      () => jsonIn(out).length === 1 && processesMarked(marker.needle).some((line) => /cell-entry.*hang-suite/.test(line)),
      'the first cell saved and the hanging one running',
      { timeoutMs: 60_000 },
    );
  } finally {
    child.kill('SIGKILL');
    await done;
  }
  await waitUntil(() => processesMarked(marker.needle).length === 0, 'every process of the killed run to end', { timeoutMs: 10_000 });

  const [resultsName] = jsonIn(out);
  const left = await loadResults(join(out, resultsName!));
  assert.equal(left.complete, false, 'the file left is marked incomplete');
  assert.equal(left.interruptedBy, undefined, 'and cannot itself say why');
  assert.equal(left.cells.find((cell) => cell.suite === 'tiny')?.status, 'completed', 'what was measured is kept');
  assert.ok(existsSync(join(out, `${resultsName}.running`)), 'the marker naming the dead writer is left');

  // What other dead runs leave, and what a live one (this test's own PID) has.
  const deadPid = spawnSync('true').pid;
  mkdirSync(join(tmp, `bench-cells-${deadPid}-aB3dE9`));
  mkdirSync(join(tmp, `bench-cells-${process.pid}-zZ9yY8`));
  writeFileSync(join(out, `${resultsName}.${deadPid}.0badc0de.tmp`), '{"half');

  const next = await runCli(run(['tiny-suite.js']), { TMPDIR: tmp });
  assert.equal(next.code, 0, next.stderr);
  const lines = next.stderr.split('\n').filter((line) => line.startsWith('bench: '));
  assert.equal(lines.length, 1, next.stderr);
  assert.match(
    lines[0]!,
    new RegExp(
      `^bench: an earlier run was killed or crashed before finishing \\(pid ${child.pid}: .*${resultsName!.replaceAll('.', '\\.')} holds what it measured, marked incomplete\\); removed 1 scratch folder left in `,
    ),
  );
  assert.deepEqual(readdirSync(tmp), [`bench-cells-${process.pid}-zZ9yY8`], "dead runs' scratch folders removed, a live run's kept");
  const files = readdirSync(out);
  assert.ok(files.includes(resultsName!), "the killed run's results are kept");
  assert.deepEqual(
    files.filter((name) => !name.endsWith('.json')),
    [],
    'no marker, no temp file: the run after this one has nothing to say',
  );
});
