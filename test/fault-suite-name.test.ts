/**
 * A suite whose name no report can show — one holding a newline, which forged a terminal
 * line ('results: /etc/passwd'), or "__proto__", which made a results file the loader
 * refuses — is refused when it loads: one line naming the name and the fix, exit 2, no file.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fixture } from './helpers/cli.js';
import { runSuites } from './helpers/fault-matrix.js';

for (const [kind, problem] of [
  ['newline', /its name "fib\\nresults: \/etc\/passwd" holds a line break or a format character: keep it to one line of plain text\n$/],
  ['proto', /its name "__proto__" cannot be a key of the results file: choose another\n$/],
] as const) {
  test(`a suite named with ${kind === 'newline' ? 'a newline' : '"__proto__"'} is refused in one line, exit 2`, async () => {
    const result = await runSuites([fixture('faults/bad-name.js')], { strategies: ['main-thread'], env: { BENCH_FAULT_NAME: kind } });
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stderr.split('\n').length, 2, `one line: ${result.stderr}`);
    assert.match(result.stderr, problem);
    assert.doesNotMatch(`${result.stdout}\n${result.stderr}`, /^results: \/etc\/passwd/m, 'no forged line');
    assert.deepEqual(readdirSync(result.out), [], 'no results file');
  });
}
