import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderRunAnswer } from '../../reports/terminal/study-table.js';
import { nodeResults } from '../fixtures/results-node.js';

test("bench run ends with an answer per suite: who wins or ties (by the rounds' intervals) on how many cores", () => {
  const text = renderRunAnswer(nodeResults);
  const lines = text.split('\n').filter((line) => line.startsWith('  '));
  assert.match(text, /^\nAnswer:\n/);
  const suites = [...new Set(nodeResults.cells.map((c) => `${c.suite}(${c.size})`))];
  assert.equal(lines.length, suites.length, text);
  lines.forEach((line, i) => {
    assert.ok(line.startsWith(`  ${suites[i]} on ${nodeResults.context.cpu.cores} cores: `), line);
    assert.match(line, / wins | tie | does not pay|no strategy beats main-thread/);
  });
});
