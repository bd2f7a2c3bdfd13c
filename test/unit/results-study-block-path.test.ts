import { test } from 'node:test';
import { asFile, assertRefused, at, type Json } from '../helpers/spoil-results.js';
import { payloadStudyResults } from '../fixtures/payload-results.js';
import { sizeStudyResults, workersStudyResults } from '../fixtures/study-results.js';

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
    const file = asFile(fixture());
    spoil(file);
    assertRefused(what, file, 'study.json', message, 'bench study');
  }
});
