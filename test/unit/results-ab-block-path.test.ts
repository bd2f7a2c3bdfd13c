import { test } from 'node:test';
import { asFile, assertRefused, at, type Json } from '../helpers/spoil-results.js';
import { abResults } from '../fixtures/ab-results.js';

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
    const file = asFile(abResults());
    spoil(file);
    assertRefused(what, file, 'ab.json', message, 'bench ab');
  }
});
