/**
 * At 1280 px the size study's crossover table keeps its words whole: the page's own
 * "break anywhere" rule (which keeps long names from widening the page) once let the table
 * squeeze columns to a few letters, so "strategy" read "strateg y" and "ambiguous" "ambig uous".
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeReports } from '../reports/write-reports.js';
import { chromiumInstalled, launchChromium, openReport } from './fixtures/browser.js';
import { sizeStudyResults } from './fixtures/study-results.js';
import { tempDir } from './helpers/temp-dirs.js';

test('the crossover table breaks no word across lines at 1280 px', async (t) => {
  if (!chromiumInstalled()) {
    t.skip('chromium not installed');
    return;
  }
  const htmlPath = join(tempDir(), 'study.html');
  await writeReports([sizeStudyResults()], { htmlPath });
  const browser = await launchChromium();
  t.after(() => browser.close());
  const { page } = await openReport(browser, htmlPath, { width: 1280, height: 800 });
  const broken = await page.evaluate(() => {
    const found: string[] = [];
    let words = 0;
    for (const cell of Array.from(document.querySelectorAll('table.study-crossovers th, table.study-crossovers td'))) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index ?? 0);
          range.setEnd(node, (match.index ?? 0) + match[0].length);
          words++;
          // A word on two lines has a box on each.
          if (range.getClientRects().length > 1) found.push(match[0]);
        }
      }
    }
    return { found, words };
  });
  assert.ok(broken.words > 20, `the table's words were read: ${broken.words}`);
  assert.deepEqual(broken.found, [], 'words broken across lines');
});
