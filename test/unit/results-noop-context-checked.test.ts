/**
 * A merged `bench http` file's server-alone figures (`noop`) each name the context they were
 * measured in, as its cells do: the loader holds that name to the file's `contexts`, so a
 * figure the report shows can always be traced to the machine and run that measured it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResultsFileError, validateResults } from '../../reports/load-results.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { httpCell, httpNoop, httpRun } from '../fixtures/http-results.js';

const run = httpRun([httpCell({ runtime: 'node', strategy: BASELINE_STRATEGY, workers: 1, perSec: 1000, p99Ms: 4, healthP99Ms: 1 })]);
const withNoop = (contextId: string) => ({
  ...run,
  contexts: { [run.runId]: run.context },
  noop: [{ ...httpNoop('node', 40_000), contextId }],
});

test('a server-alone figure naming a context the file lacks is refused in one line; one it holds loads', () => {
  assert.throws(
    () => validateResults(withNoop('gone'), 'broken-merge.json'),
    (error: unknown) => {
      assert.ok(error instanceof ResultsFileError);
      assert.equal(error.exitCode, 2);
      assert.equal(
        error.message,
        'broken-merge.json: the server alone (GET /noop) on node names context "gone", which the file\'s "contexts" lacks; re-create it with `bench merge`',
      );
      return true;
    },
  );
  assert.equal(validateResults(withNoop(run.runId), 'merged.json').noop?.[0]?.contextId, run.runId);
});
