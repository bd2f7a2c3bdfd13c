/**
 * The terminal table and the job-summary markdown of an A/B result: a row per cell with its
 * ratios, intervals and verdict, the correction line, and user strings made harmless.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correctionText, decideCell } from '../../reports/decide/ab/decide.js';
import { renderAbMarkdown } from '../../reports/terminal/ab-markdown.js';
import { renderAbTable } from '../../reports/terminal/ab-table.js';
import { summarizeAb } from '../../reports/terminal/ab-summary.js';
import { abStudy } from '../fixtures/ab-results.js';

test('table and markdown show every cell, its verdict and how the looks were corrected', () => {
  const study = abStudy();
  const table = renderAbTable(study);
  assert.match(table, /^bench ab: A = base \(origin\/main\) @ 0123456789 · B = head/);
  assert.match(table, /main-thread .* regressed/);
  assert.match(table, /worker-pool .* unchanged/);
  assert.ok(table.includes(`looks: ${study.correction}`));
  assert.match(study.correction, /α\/2 per metric/);
  assert.ok(!table.includes('\u001b'), 'the escape in the suite name is neutralised');

  const markdown = renderAbMarkdown(study);
  assert.match(markdown, /^### ❌ bench ab: 1 regressed, 1 unchanged/);
  assert.match(markdown, /\| \*\*regressed\*\* \|/);
  assert.ok(!markdown.includes('<b>'), 'markup in the suite name is escaped');

  const summary = summarizeAb(study);
  assert.equal(summary.regressed, true);
  assert.equal(summary.cells[0]?.pairs, 8);
  assert.ok(!('rounds' in (summary.cells[0] ?? {})));
});

test('the correction text names the looks and the spending', () => {
  const text = correctionText({ threshold: 0.05, alpha: 0.05, looks: [8, 12, 16, 20, 25, 30] });
  assert.match(text, /6 planned looks at 8, 12, 16, 20, 25, 30 pairs/);
  assert.match(text, /Pocock-type α-spending/);
  assert.ok(decideCell([], { threshold: 0.05, alpha: 0.05, looks: [8] }, false).verdict === null);
});
