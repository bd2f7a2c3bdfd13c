/**
 * Bad transport and payload input is one line naming the problem and the fix, exit 2: an
 * unknown transport, a transport the named strategy cannot use (shared-memory with json),
 * a transport no strategy of the run takes, a payload size above free memory ÷ 8, and a
 * size that is not one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, tempDir } from './helpers/cli.js';

const cases: [string, string[], RegExp][] = [
  [
    'an unknown transport',
    ['run', '--transport', 'clone,pigeon'],
    /unknown transport "pigeon" in --transport: choose from clone, transfer, transfer-in, shared-memory, json, advanced/,
  ],
  [
    'a transport the strategy cannot use',
    ['run', '--strategies', 'shared-memory', '--transport', 'json'],
    /--transport json: shared-memory cannot use it \(it takes shared-memory\); add one of those or drop shared-memory from --strategies/,
  ],
  [
    'a transport no strategy of the run takes',
    ['run', '--strategies', 'main-thread', '--transport', 'advanced'],
    /--transport advanced: no strategy of the run can use it; it belongs to process-per-task, process-pool/,
  ],
  [
    'a payload study size above free memory ÷ 8',
    ['study', 'payload', '--sizes', '1k,1024g'],
    /--sizes: 1024g is above free memory ÷ 8 \(\d+ MiB free, so at most \S+\)/,
  ],
  [
    'a size that is not one',
    ['run', '--suite', 'echo', '--size', '64q'],
    /--size must be a whole number for suite echo from 1 to \d+, got a non-number/,
  ],
  [
    'a payload study with an unknown transport',
    ['study', 'payload', '--transport', 'carrier'],
    /unknown transport "carrier" in --transport/,
  ],
];

for (const [what, args, message] of cases) {
  test(`${what}: one line on stderr, exit code 2`, async () => {
    const result = await runCli([...args, '--out', tempDir()]);
    assert.equal(result.code, 2, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^Error: /);
    assert.match(lines[0]!, message);
  });
}
