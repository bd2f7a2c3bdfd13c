/**
 * A server's figures alone (GET /noop) are checked against its samples as a cell's are: a rate
 * or percentile forged beside them is refused, so no printed noop figure goes untraced.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResultsFileError, validateResults } from '../../reports/load-results.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { httpCell, httpNoop, httpRun } from '../fixtures/http-results.js';

const file = () =>
  JSON.parse(
    JSON.stringify(
      httpRun([httpCell({ runtime: 'node', strategy: BASELINE_STRATEGY, workers: 1, perSec: 100, p99Ms: 20, healthP99Ms: 5 })], {
        noop: [httpNoop('node', 40_000)],
      }),
    ),
  );
const refused = (value: unknown, problem: RegExp): void =>
  assert.throws(
    () => validateResults(value, 'http.json'),
    (error: unknown) => error instanceof ResultsFileError && problem.test(error.message),
  );

test("a server's rate and percentiles alone must be those of its samples", () => {
  assert.doesNotThrow(() => validateResults(file(), 'http.json'));
  const fast = file();
  fast.noop[0].requests.perSec = 90_000;
  refused(fast, /noop\[0\]\.requests\.perSec is 90000 but its ok requests and wallMs give 40000/);
  const low = file();
  low.noop[0].latency.p50Ms = 0.1;
  refused(low, /noop\[0\]\.latency\.p50Ms is 0\.1, outside the 4 latency samples it summarises/);
});
