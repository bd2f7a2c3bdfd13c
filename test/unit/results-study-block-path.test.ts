/**
 * A results file whose `study` block (a size, workers or payload study) has one bad field
 * fails to load with one line naming the field's path inside the block and `bench study`
 * as the way to remake it: the block is checked by the schema like the cells, not passed on
 * unchecked to a chart builder.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResultsFileError, validateResults } from '../../reports/load-results.js';
import { payloadStudyResults } from '../fixtures/payload-results.js';
import { sizeStudyResults, workersStudyResults } from '../fixtures/study-results.js';

type Json = Record<string, unknown>;

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The object at `path` (keys and indices) in a parsed file, to spoil one field of it. */
function at(file: unknown, ...path: Array<string | number>): Json {
  let value = file;
  for (const key of path) value = isJson(value) ? value[key] : undefined;
  assert.ok(isJson(value), `${path.join('.')} is an object`);
  return value;
}

/** As a file holds it: what JSON keeps of the fixture. */
const parsed = (value: unknown): Json => {
  const found: unknown = JSON.parse(JSON.stringify(value));
  assert.ok(isJson(found));
  return found;
};

test('a study block with one bad field fails naming its path inside the block', () => {
  const cases: Array<[string, () => unknown, (file: Json) => void, RegExp]> = [
    [
      'unknown kind',
      sizeStudyResults,
      (file) => {
        at(file, 'study').kind = 'latency';
      },
      /study\.kind should be "size", "workers" or "payload", found "latency"/,
    ],
    [
      'negative ratio',
      sizeStudyResults,
      (file) => {
        at(file, 'study', 'crossovers', 1, 'ratios', 2).ratio = -1;
      },
      /study\.crossovers\[1\]\.ratios\[2\]\.ratio should be at least 0, found -1/,
    ],
    [
      'swept size not a number',
      sizeStudyResults,
      (file) => {
        at(file, 'study', 'sizes', 'fib')[0] = '20';
      },
      /study\.sizes\["fib"\]\[0\] should be a number, found a string/,
    ],
    [
      'fit coefficient missing',
      workersStudyResults,
      (file) => {
        delete at(file, 'study', 'scaling', 0, 'usl').kappa;
      },
      /study\.scaling\[0\]\.usl\.kappa is missing/,
    ],
    [
      'crossovers an object',
      workersStudyResults,
      (file) => {
        at(file, 'study').crossovers = {};
      },
      /study\.crossovers should be an array, found an object/,
    ],
    [
      'payload point round trip a string',
      payloadStudyResults,
      (file) => {
        at(file, 'study', 'transports', 3, 'points', 1).roundTripMs = 'slow';
      },
      /study\.transports\[3\]\.points\[1\]\.roundTripMs should be a number, found a string/,
    ],
    [
      'payload transport share above 1',
      payloadStudyResults,
      (file) => {
        at(file, 'study', 'transports', 0, 'points', 4).transportShare = 1.5;
      },
      /study\.transports\[0\]\.points\[4\]\.transportShare should be at most 1, found 1\.5/,
    ],
    [
      'study an array',
      sizeStudyResults,
      (file) => {
        file.study = [];
      },
      /study should be an object, found an array/,
    ],
  ];
  for (const [what, fixture, spoil, message] of cases) {
    const file = parsed(fixture());
    spoil(file);
    assert.throws(
      () => validateResults(file, 'study.json'),
      (error: unknown) => {
        assert.ok(error instanceof ResultsFileError, `${what}: a ResultsFileError, got ${String(error)}`);
        assert.ok(!error.message.includes('\n'), `${what}: one line: ${error.message}`);
        assert.ok(error.message.startsWith('study.json: does not match the results schema: '), `${what}: ${error.message}`);
        assert.match(error.message, message, what);
        assert.match(error.message, /; re-run `bench study` to regenerate it$/, what);
        return true;
      },
      what,
    );
  }
});
