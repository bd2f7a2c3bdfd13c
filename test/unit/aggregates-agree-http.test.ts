/**
 * An HTTP cell's figures are checked against its stored samples: a real file (bench http's,
 * from before v2) loads, and a rate or percentile forged beside its samples is refused.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ResultsFileError, validateResults } from '../../reports/load-results.js';
import { V1_HTTP } from '../fixtures/results-v1.js';

type Json = Record<string, Record<string, number>>;

test("an HTTP cell's rate and percentiles must be those of its samples", () => {
  const text = readFileSync(V1_HTTP, 'utf8');
  assert.doesNotThrow(() => validateResults(JSON.parse(text), 'http.json'));
  const forge = (edit: (cell: Json) => void): unknown => {
    const file = JSON.parse(text) as { cells: Array<Json & { status: string }> };
    edit(file.cells.find((cell) => cell.status === 'completed')!);
    return file;
  };
  const refused = (value: unknown, problem: RegExp): void =>
    assert.throws(
      () => validateResults(value, 'http.json'),
      (error: unknown) => error instanceof ResultsFileError && problem.test(error.message),
    );
  refused(
    forge((cell) => (cell['requests']!['perSec'] = 1e6)),
    /cells\[\d+\]\.requests\.perSec is 1000000 but its ok requests and wallMs give /,
  );
  refused(
    forge((cell) => (cell['latency']!['p50Ms'] = 0.001)),
    /cells\[\d+\]\.latency\.p50Ms is 0.001, outside the \d+ latency samples it summarises/,
  );
});
