/**
 * Fault matrix: a module that throws at import everywhere, and a default export missing
 * fields. Both are the user's to fix before anything runs: one line naming the file and the
 * problem, exit 2, no stack trace, no results file, no process left.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, runCli, tempDir } from './helpers/cli.js';
import { BUILT_IN_STRATEGIES, newMarker, processesMarked } from './helpers/fault-matrix.js';

for (const [file, problem] of [
  ['faults/import-throws.js', /could not be loaded: fault-import-throws: broken at load; a suite is a JavaScript module/],
  ['faults/missing-fields.js', /does not meet the contract: run\(input\) \(a function\) is missing or wrong/],
] as const) {
  test(`${file}: one line naming the file and the problem, exit 2`, { skip: process.platform !== 'linux' }, async () => {
    const out = tempDir();
    const marker = newMarker();
    const result = await runCli(
      ['run', '--suite', fixture(file), '--strategies', BUILT_IN_STRATEGIES.join(','), '--no-report', '--out', out],
      marker.env,
    );
    assert.equal(result.code, 2, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, new RegExp(`^Error: suite \\S+${file.replace('.', '\\.')} `));
    assert.match(lines[0]!, problem);
    assert.deepEqual(readdirSync(out), []);
    assert.deepEqual(processesMarked(marker.needle), []);
  });
}
