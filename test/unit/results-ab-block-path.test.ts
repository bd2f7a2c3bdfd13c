/**
 * A results file whose `ab` block has one bad field, down to a round's raw sample, fails to
 * load with one line naming the field's path inside the block and `bench ab` as the way to
 * remake it: the block is checked by the schema like the cells, not passed on unchecked to
 * the A/B section and its charts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResultsFileError, validateResults } from '../../reports/load-results.js';
import { abResults } from '../fixtures/ab-results.js';

type Json = Record<string, unknown>;

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The object at `path` (keys and indices) in a parsed file, to spoil one field of it. */
function at(file: unknown, ...path: Array<string | number>): Json {
  let value = file;
  for (const key of path) value = isJson(value) ? value[key] : undefined;
  assert.ok(isJson(value), `${path.join('.')} is an object`);
  return value;
}

test('an ab block with one bad field fails naming its path inside the block', () => {
  const cases: Array<[string, (file: Json) => void, RegExp]> = [
    [
      "a round's sample",
      (file) => {
        at(file, 'ab', 'cells', 1, 'rounds', 3, 'sample').tasksPerSec = -5;
      },
      /ab\.cells\[1\]\.rounds\[3\]\.sample\.tasksPerSec should be at least 0, found -5/,
    ],
    [
      'a side that is neither',
      (file) => {
        at(file, 'ab', 'cells', 0, 'rounds', 0).side = 'c';
      },
      /ab\.cells\[0\]\.rounds\[0\]\.side should be "a" or "b", found "c"/,
    ],
    [
      'a verdict it does not know',
      (file) => {
        at(file, 'ab', 'cells', 0, 'decisions', 'p50').verdict = 'maybe';
      },
      /ab\.cells\[0\]\.decisions\.p50\.verdict should be "regressed", "improved", "unchanged" or "inconclusive", found "maybe"/,
    ],
    [
      "a side's info missing",
      (file) => {
        delete at(file, 'ab', 'sides').b;
      },
      /ab\.sides\.b is missing/,
    ],
    [
      'an interval of one end',
      (file) => {
        at(file, 'ab', 'cells', 0, 'decisions', 'throughput').interval = [0.9];
      },
      /ab\.cells\[0\]\.decisions\.throughput\.interval\[1\] should be a number, found nothing/,
    ],
    [
      'the cells an object',
      (file) => {
        at(file, 'ab').cells = {};
      },
      /ab\.cells should be an array, found an object/,
    ],
  ];
  for (const [what, spoil, message] of cases) {
    const file: unknown = JSON.parse(JSON.stringify(abResults()));
    assert.ok(isJson(file));
    spoil(file);
    assert.throws(
      () => validateResults(file, 'ab.json'),
      (error: unknown) => {
        assert.ok(error instanceof ResultsFileError, `${what}: a ResultsFileError, got ${String(error)}`);
        assert.ok(!error.message.includes('\n'), `${what}: one line: ${error.message}`);
        assert.ok(error.message.startsWith('ab.json: does not match the results schema: '), `${what}: ${error.message}`);
        assert.match(error.message, message, what);
        assert.match(error.message, /; re-run `bench ab` to regenerate it$/, what);
        return true;
      },
      what,
    );
  }
});
