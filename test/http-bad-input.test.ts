import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, tempDir } from './helpers/cli.js';

const cases: [string, string[], RegExp][] = [
  [
    'an unknown strategy',
    ['--strategies', 'main-thread,warp'],
    /unknown strategy "warp" in --strategies: choose from main-thread, worker-pool, shared-memory, process-pool, cluster/,
  ],
  ['a batch-only strategy', ['--strategies', 'worker-per-task'], /unknown strategy "worker-per-task"/],
  ['zero connections', ['--connections', '0'], /--connections must be a whole number from 1 to 10000, got 0/],
  ['negative connections', ['--connections', '-3'], /--connections must be a whole number from 1 to 10000, got -3/],
  ['a zero duration', ['--duration', '0'], /--duration must be a number of seconds above 0 up to 86400, got 0/],
  ['a negative duration', ['--duration', '-1'], /--duration must be a number of seconds above 0/],
  ['a size out of range', ['--size', '99'], /--size must be a whole number for suite fib from 1 to 40, got 99/],
  ['a non-numeric size', ['--size', 'big'], /--size must be .* got a non-number/],
  ['fewer requests than connections', ['--amount', '5', '--connections', '10'], /--amount \(5\) must be at least --connections \(10\)/],
  ['several suites', ['--suite', 'fib,sort'], /--suite takes one suite for bench http/],
  ['an unknown suite', ['--suite', 'nope'], /unknown suite "nope"/],
  ['a negative max-queue', ['--max-queue', '-1'], /--max-queue must be a whole number from 0/],
];

for (const [what, args, message] of cases) {
  test(`bench http with ${what}: one line on stderr, exit code 2`, async () => {
    const result = await runCli(['http', ...args, '--out', tempDir()]);
    assert.equal(result.code, 2, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^Error: /);
    assert.match(lines[0]!, message);
  });
}
