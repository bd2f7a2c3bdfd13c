/**
 * One run's server alone (GET /noop) reaching a merge twice (its file given twice, or beside a
 * merged file that holds it) is the same measurement twice, refused as a repeated cell is: one
 * line naming both files and the fix, exit code 2.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeResults } from '../../reports/merge.js';
import type { RunResult } from '../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { isUsageError } from '../../scripts/cli/usage-error.js';
import { httpCell, httpNoop, httpRun } from '../fixtures/http-results.js';

test("one run's server alone given twice is refused in one line, exit code 2", () => {
  // Interrupted before its cells were written: nothing else in the two inputs collides.
  const run: RunResult = {
    ...httpRun([httpCell({ runtime: 'node', strategy: BASELINE_STRATEGY, workers: 1, perSec: 1000, p99Ms: 4, healthP99Ms: 1 })], {
      noop: [httpNoop('node', 40_000)],
    }),
    runId: 'vm-run',
    cells: [],
  };
  assert.throws(
    () =>
      mergeResults(
        [
          { file: 'vm.json', run },
          { file: 'copy.json', run },
        ],
        'merged-run',
      ),
    (error: unknown) => {
      assert.ok(isUsageError(error), 'exit code 2, no stack trace');
      assert.equal(
        error.message,
        "vm.json and copy.json both hold the server alone (GET /noop) on node of run vm-run: the same measurement twice; pass each run's file once",
      );
      return true;
    },
  );
});
