/**
 * `bench http`'s runtime flags take bad input as `bench run`'s do: an unknown runtime, a
 * strategy the runtime cannot serve named in --strategies (Deno cannot start a tinypool, the
 * probe finds), a worker list that contradicts itself and a transport a named strategy cannot
 * use are each one line and exit code 2.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, tempDir } from './helpers/cli.js';
import { missingRuntime } from './helpers/round-trip.js';

const cases: [string, string[], RegExp, string | undefined][] = [
  ['an unknown runtime', ['--runtime', 'node,nodejs'], /unknown runtime "nodejs" in --runtime: choose from node, bun, deno/, undefined],
  [
    'a strategy the runtime lacks, named',
    ['--runtime', 'deno', '--strategies', 'main-thread,tinypool'],
    /--strategies tinypool: tinypool does not run on deno .*; drop it, or leave deno out of --runtime/,
    missingRuntime('deno'),
  ],
  [
    '--workers beside --workers-list',
    ['--workers', '4', '--workers-list', '1,2'],
    /--workers-list gives the worker counts: drop --workers/,
    undefined,
  ],
  ['a descending worker list', ['--workers-list', '8,2'], /--workers-list must be ascending/, undefined],
  [
    'a transport a named strategy cannot use',
    ['--strategies', 'main-thread,worker-pool', '--transport', 'json'],
    /--transport json: worker-pool cannot use it \(it takes transfer, clone\)/,
    undefined,
  ],
];

for (const [what, args, message, skip] of cases) {
  test(`bench http with ${what}: one line on stderr, exit code 2`, { skip }, async () => {
    const result = await runCli(['http', '--suite', 'fib', '--size', '10', ...args, '--duration', '0.2', '--out', tempDir()]);
    assert.equal(result.code, 2, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^Error: /);
    assert.match(lines[0]!, message);
  });
}
