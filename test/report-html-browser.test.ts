import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { writeReports } from '../reports/write-reports.js';
import { chromiumInstalled, launchChromium, openReport } from './fixtures/browser.js';
import { bunResults } from './fixtures/results-bun.js';
import { nodeResults } from './fixtures/results-node.js';
import { repoRoot } from './fixtures/paths.js';

test('the HTML report opens from disk offline, draws every chart and lists every cell', async (t) => {
  if (!chromiumInstalled()) {
    t.skip('chromium not installed');
    return;
  }
  // Kept after the run for a human to look at: the report and its screenshot.
  const artifacts = join(repoRoot(), 'test-artifacts');
  await mkdir(artifacts, { recursive: true });
  const htmlPath = join(artifacts, 'report.html');
  await writeReports([nodeResults, bunResults], { htmlPath });

  const browser = await launchChromium();
  t.after(() => browser.close());
  const { page, log } = await openReport(browser, htmlPath);

  assert.deepEqual(log.requests, [pathToFileURL(htmlPath).href], 'no request but the file itself');
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);

  const canvases = await page.evaluate(() =>
    Array.from(document.querySelectorAll('canvas'), (canvas) => {
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let drawn = 0;
      for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) drawn++;
      return { id: canvas.id, drawn, total: pixels.length / 4 };
    }),
  );
  assert.equal(canvases.length, 18, '3 suites × 6 charts');
  for (const canvas of canvases) {
    assert.ok(canvas.drawn > canvas.total * 0.02, `${canvas.id}: ${canvas.drawn} of ${canvas.total} pixels drawn`);
  }

  const rows = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLTableRowElement>('#cells tbody tr'), (tr) =>
      Array.from(tr.cells, (td) => td.textContent ?? ''),
    ),
  );
  const listed = rows.map(([run, suite, , strategy]) => `${run}|${suite}|${strategy}`).sort();
  const expected = [
    ...nodeResults.cells.map((cell) => `node 20.20.2|${cell.suite}|${cell.strategy}`),
    ...bunResults.cells.map((cell) => `bun 1.4.5|${cell.suite}|${cell.strategy}`),
  ].sort();
  assert.deepEqual(listed, expected);

  await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
});
