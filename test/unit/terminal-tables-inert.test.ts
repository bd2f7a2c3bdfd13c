/**
 * Terminal tables print strings from results files (suite names, error messages,
 * warnings): an escape sequence in one must reach the terminal as inert text, not retitle
 * the window or clear the screen.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../reports/decide/compare/compare-metric.js';
import { renderCompareTable } from '../../reports/terminal/compare-render.js';
import { compareRuns } from '../../reports/decide/compare/compare.js';
import { renderTable } from '../../reports/terminal/table.js';
import type { ErroredCell } from '../../runners/contract/results.js';
import { roundsCell, runOf, STEADY } from '../fixtures/round-cells.js';

const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\r';
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

test('control characters in a results file reach the terminal tables as U+FFFD', () => {
  const suite = `fib${ESCAPES}`;
  const run = runOf([
    roundsCell('main-thread', STEADY, undefined, suite),
    {
      ...roundsCell('worker-pool', STEADY, undefined, suite),
      status: 'errored',
      verified: false,
      error: { message: `boom${ESCAPES}`, round: 1 },
      rounds: [],
    } as ErroredCell,
  ]);
  const hostile = { ...run, warnings: [{ kind: 'high-variance' as const, message: `spread${ESCAPES}`, hint: `hint${ESCAPES}` }] };

  const table = renderTable(hostile);
  assert.doesNotMatch(table, CONTROL);
  assert.match(table, /fib\ufffd\]0;pwned\ufffd/, 'the name is still there, made inert');

  const comparison = compareRuns(
    {
      file: 'old.json',
      run: runOf([roundsCell('main-thread', STEADY, undefined, suite), roundsCell('worker-pool', STEADY, undefined, suite)]),
    },
    { file: 'new.json', run: hostile },
    { ...DEFAULT_SETTINGS, normalize: false },
  );
  const compared = renderCompareTable(comparison);
  assert.doesNotMatch(compared, CONTROL);
  assert.match(compared, /errored in the new run: boom\ufffd/);
});
