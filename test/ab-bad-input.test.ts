/**
 * `bench ab` refuses what it cannot judge before measuring anything: one line naming the
 * problem and the fix, exit 2, no stack trace, no results file.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, runCli, tempDir } from './helpers/cli.js';
import { AB_BASE, AB_HEAD, AB_OTHER_SIZES } from './helpers/ab-runs.js';

const against = (file: string, ...rest: string[]): string[] => ['ab', '--against', file, '--suite', AB_HEAD, ...rest];

const cases: [string, string[], RegExp][] = [
  ['no side A', ['ab', '--suite', AB_HEAD], /bench ab needs side A: --against FILE .*, --base REF .* or --aa/],
  ['--against and --base together', [...against(AB_BASE), '--base', 'HEAD'], /--against and --base each choose side A: give only one/],
  ['--aa with --against', [...against(AB_BASE), '--aa'], /--against and --aa each choose side A/],
  [
    'suite files of different names',
    against(fixture('tiny-suite.js')),
    /is suite "tiny" but --suite .* is "ab-knob": give two versions of the same suite/,
  ],
  ['suite files of different sizes', against(AB_OTHER_SIZES), /differ in sizes \(sizes 50000,100000, defaultSize 50000 vs sizes 100000/],
  ['--against the --suite file itself', against(AB_HEAD), /is the --suite file itself: give the old version, or use --aa/],
  [
    '--against with several suites',
    ['ab', '--against', AB_BASE, '--suite', 'fib,sort'],
    /--against compares one suite .*: give one --suite/,
  ],
  ['a missing --against file', against('./no/such-old-suite.js'), /suite file \.\/no\/such-old-suite\.js does not exist/],
  [
    'a ref that does not exist',
    ['ab', '--base', 'no-such-branch-for-bench-ab', '--suite', 'fib'],
    /--base no-such-branch-for-bench-ab: no such commit in /,
  ],
  [
    'too few pairs for any verdict',
    [...against(AB_BASE), '--max-rounds', '4'],
    /--max-rounds 4 is too few pairs for any verdict at --alpha 0.05: give at least 8/,
  ],
  ['a bad --max-time', [...against(AB_BASE), '--max-time', 'soon'], /--max-time "soon" is not a duration: e.g. --max-time 10m/],
  ['a bad --threshold', [...against(AB_BASE), '--threshold', 'lots'], /--threshold must be a percentage/],
  ['--rounds, which ab does not take', [...against(AB_BASE), '--rounds', '3'], /Unknown argument: rounds/],
];

for (const [what, args, message] of cases) {
  test(`bench ab with ${what}: one line on stderr, exit 2, nothing written`, async () => {
    const out = tempDir();
    const result = await runCli([...args, '--out', out]);
    assert.equal(result.code, 2, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^Error: /);
    assert.match(lines[0]!, message);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.deepEqual(
      readdirSync(out).filter((name) => name.endsWith('.json')),
      [],
    );
  });
}
