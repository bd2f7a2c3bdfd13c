/**
 * A named pipe given as a results file never blocks bench: one no program writes to is
 * refused at once (one line, exit 2, naming it), where a blocking open used to wait for a
 * writer forever; one whose writer holds it open and sends nothing is given up after the
 * stall limit. Time-limited: a hang fails the test.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputStalledError, readCapped } from '../reports/read-capped.js';
import { fixture, runCli, tempDir } from './helpers/cli.js';

function fifo(): string {
  const path = join(tempDir(), 'results.json');
  const made = spawnSync('mkfifo', [path]);
  assert.equal(made.status, 0, `mkfifo: ${made.stderr}`);
  return path;
}

test('bench report on a named pipe no program writes to exits 2 at once, naming it', {
  skip: process.platform !== 'linux',
  timeout: 20_000,
}, async () => {
  const path = fifo();
  const result = await runCli(['report', path, '--html', join(tempDir(), 'r.html')]);
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stderr, `Error: ${path}: is a named pipe no program is writing to; write the results to a file and pass that file\n`);
});

test('bench history append --file on a named pipe no program writes to exits 2 at once, naming it', {
  skip: process.platform !== 'linux',
  timeout: 20_000,
}, async () => {
  const path = fifo();
  const result = await runCli(['history', 'append', fixture('results-v1-run.json'), '--file', path]);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, new RegExp(`^Error: ${path}: is a named pipe no program is writing to; `));
  assert.equal(result.stderr.split('\n').length, 2, 'one line');
});

test('a named pipe whose writer sends nothing is given up after the stall limit', {
  skip: process.platform !== 'linux',
  timeout: 20_000,
}, async () => {
  const path = fifo();
  // Read and write ends in one: the pipe has a writer that never writes (opening it never waits).
  const writer = openSync(path, constants.O_RDWR);
  try {
    await assert.rejects(readCapped(path, 1024, 200), (error: unknown) => {
      assert.ok(error instanceof InputStalledError);
      assert.equal(error.problem, 'is a pipe whose writer sent nothing for 0.2 s');
      return true;
    });
  } finally {
    closeSync(writer);
  }
});
