/**
 * Nothing a suite or a file says reaches the terminal as a control sequence: progress lines
 * (a suite's name, its error) and the one-line error of a bad results file (a JSON parse
 * error quotes the file's bytes) have their control characters made inert.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, runCli, tempDir } from './helpers/cli.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

test("progress lines show a suite's escape-laden name and error inert", async () => {
  const result = await runCli([
    'run',
    '--suite',
    fixture('faults/escape-error.js'),
    '--strategies',
    'main-thread,worker-pool',
    '--rounds',
    '1',
    '--phase-time',
    '40',
    '--no-report',
    '--out',
    tempDir(),
  ]);
  assert.equal(result.code, 4, result.stderr);
  const progress = result.stderr.split('\n').filter((line) => /^\[\d\/2\]/.test(line));
  assert.equal(progress.length, 2, result.stderr);
  for (const line of progress) {
    assert.doesNotMatch(line, CONTROL, JSON.stringify(line));
    assert.match(line, /errored: run\(\) threw Error: bad\ufffd\[2J\ufffdhidden\ufffd/);
  }
});

test('a results file of raw escape bytes is refused in one inert line, exit 2', async () => {
  const file = join(tempDir(), 'escapes.json');
  writeFileSync(file, '\u001b]0;pwned\u0007\u001b[2J');
  const result = await runCli(['report', file]);
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /is not valid JSON/);
  assert.doesNotMatch(result.stderr.trimEnd(), CONTROL, JSON.stringify(result.stderr));
});
