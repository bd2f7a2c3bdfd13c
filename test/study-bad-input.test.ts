import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, runCli, tempDir } from './helpers/cli.js';

const cases: [string, string[], RegExp][] = [
  ['no study kind', ['study'], /choose a study: `bench study size`, `bench study workers` or `bench study payload`/],
  [
    "a size above the suite's maxSize",
    ['study', 'size', '--sizes', '20,50'],
    /--sizes: 50 is above fib's maxSize 40; choose sizes from 1 to 40/,
  ],
  [
    'an unsorted size list',
    ['study', 'size', '--sizes', '27,24,30'],
    /--sizes must be ascending without repeats \(27 then 24\): e\.g\. --sizes 24,27,30/,
  ],
  ['an empty size list', ['study', 'size', '--sizes', ','], /--sizes is empty: give a comma-separated ascending list/],
  ['a size study of one point', ['study', 'size', '--sizes', '27'], /--sizes 27 is a study of one point: give at least two/],
  [
    'a suite that lists one size',
    ['study', 'size', '--suite', fixture('knob-suite.js')],
    /suite knob lists one size \(300000\) to sweep: give --sizes/,
  ],
  ['zero workers', ['study', 'workers', '--workers-list', '0,1,2'], /--workers-list: "0" is not a whole number from 1 to 256/],
  ['more than 256 workers', ['study', 'workers', '--workers-list', '1,2,257'], /--workers-list: "257" is not a whole number from 1 to 256/],
  ['a workers study of one point', ['study', 'workers', '--workers-list', '1'], /--workers-list 1 is a study of one point/],
  ['a worker list without 1', ['study', 'workers', '--workers-list', '2,4'], /has no 1: .*start it at 1, e\.g\. --workers-list 1,2,4/],
  [
    'main-thread alone',
    ['study', 'size', '--strategies', 'main-thread'],
    /--strategies main-thread alone: a study compares strategies with it/,
  ],
  ["the other study's flag", ['study', 'size', '--workers-list', '1,2'], /Unknown arguments?: .*workers-list/],
];

for (const [what, args, message] of cases) {
  test(`bench study with ${what}: one line naming the flag, exit code 2, nothing measured`, async () => {
    const out = tempDir();
    const result = await runCli([...args, '--out', out]);
    assert.equal(result.code, 2, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^Error: /);
    assert.match(lines[0]!, message);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.deepEqual(readdirSync(out), []);
  });
}
