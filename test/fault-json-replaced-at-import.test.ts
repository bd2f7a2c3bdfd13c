/**
 * A suite that replaces JSON.stringify at import does so in the processes that import it —
 * the suite probe and its cells — never in the CLI: the results file is a valid one (loaded
 * through the results schema), it names the suite, and the cell whose answer the suite
 * spoiled is errored. Loaded in the CLI, the results file was {"pwned":true}.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorOf, runFaultOn } from './helpers/fault-matrix.js';

test('JSON.stringify replaced at import: the results file is still valid, the cell errored', {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFaultOn('faults/json-replaced-at-import.js', ['main-thread'], { extraArgs: ['--quick', '--json'] });
  assert.equal(result.code, 0, result.stderr.slice(-3000));
  assert.equal(result.run.complete, true);
  assert.deepEqual(result.run.config.suites, ['fault-json-replaced', 'tiny']);
  assert.match(errorOf(result.faulty.get('main-thread')), /outcome is not valid/);
  assert.equal((JSON.parse(result.stdout) as { runId: string }).runId, result.run.runId);
  assert.deepEqual(result.survivors, []);
});
