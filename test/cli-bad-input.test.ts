import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, runCli, tempDir } from './helpers/cli.js';

const cases: [string, string[], RegExp][] = [
  ['an unknown flag', ['run', '--bogus'], /Unknown argument: bogus/],
  ['an unknown command', ['frobnicate'], /Unknown arguments?: .*frobnicate/],
  ['no command', [], /give a command/],
  ['an unknown suite', ['run', '--suite', 'nope'], /unknown suite "nope": choose one of fib, sort, sha256, echo, all/],
  ['an unknown strategy', ['run', '--strategies', 'main-thread,warp'], /unknown strategy "warp" in --strategies: choose from main-thread/],
  ['a non-numeric size', ['run', '--size', 'big'], /--size must be a whole number for suite fib from 1 to 40, got a non-number/],
  ['an out-of-range size', ['run', '--size', '99'], /--size must be .* from 1 to 40, got 99/],
  ['zero workers', ['run', '--workers', '0'], /--workers must be a whole number from 1 to 256, got 0/],
  ['fractional rounds', ['run', '--rounds', '1.5'], /--rounds must be a whole number/],
  ['a missing suite file', ['run', '--suite', './no/such-suite.js'], /suite file \.\/no\/such-suite\.js does not exist/],
  ['a suite file that breaks the contract', ['run', '--suite', fixture('not-a-suite.js')], /does not meet the contract: defaultSize/],
  ['an unknown runtime', ['run', '--runtime', 'node,graal'], /unknown runtime "graal" in --runtime: choose from node, bun, deno/],
  ['--bun-smol without bun', ['run', '--bun-smol'], /--bun-smol adds a variant of bun: add bun to --runtime/],
  ['a number flag without its value', ['run', '--size'], /Not enough arguments following: size/],
  ['a flag without its value before another flag', ['run', '--workers', '--rounds', '1'], /Not enough arguments following: workers/],
  ['an http flag without its value', ['http', '-c'], /Not enough arguments following: c\b/],
  ['a TypeScript suite file', ['run', '--suite', './suites/fib.ts'], /is TypeScript: compile it to JavaScript first/],
];

for (const [what, args, message] of cases) {
  test(`${what}: one line on stderr, exit code 2, no stack trace`, async () => {
    const result = await runCli([...args, '--out', tempDir()]);
    assert.equal(result.code, 2, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^Error: /);
    assert.match(lines[0]!, message);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
}
