/**
 * A suite that writes to stdout at import writes into the suite probe's and its cells'
 * stdout, never the CLI's: `bench run --json` prints the results and nothing else. Loaded
 * in the CLI, the suite's line came first and the output no longer parsed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorOf, runFaultOn } from './helpers/fault-matrix.js';

test('stdout written at import: --json output still parses', { skip: process.platform !== 'linux' }, async () => {
  const result = await runFaultOn('faults/stdout-at-import.js', ['main-thread'], { withHealthy: false, extraArgs: ['--quick', '--json'] });
  assert.equal(result.code, 0, result.stderr.slice(-3000));
  assert.doesNotMatch(result.stdout, /written by the suite/);
  assert.equal((JSON.parse(result.stdout) as { runId: string }).runId, result.run.runId);
  assert.equal(result.faulty.get('main-thread')?.status, 'completed', errorOf(result.faulty.get('main-thread')));
});
