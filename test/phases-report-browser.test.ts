import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { validateResults } from '../reports/load-results.js';
import { writeReports } from '../reports/write-reports.js';
import { chromiumInstalled, launchChromium, openReport } from './fixtures/browser.js';
import { repoRoot } from './fixtures/paths.js';
import { phaseResults } from './fixtures/results-phases.js';

test('the report of a --phases run opens offline, draws both phase charts and lists each cell’s phases', async (t) => {
  // The fixture is what the harness writes: it passes the loader's schema.
  validateResults(JSON.parse(JSON.stringify(phaseResults)), 'results-phases');
  if (!chromiumInstalled()) {
    t.skip('chromium not installed');
    return;
  }
  // Kept after the run for a human to look at: the report and its screenshots.
  const artifacts = join(repoRoot(), 'test-artifacts');
  await mkdir(artifacts, { recursive: true });
  const htmlPath = join(artifacts, 'phases-report.html');
  await writeReports([phaseResults], { htmlPath });

  const browser = await launchChromium();
  t.after(() => browser.close());
  const { page, log } = await openReport(browser, htmlPath);
  assert.deepEqual(log.requests, [pathToFileURL(htmlPath).href], 'no request but the file itself');
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);

  for (const id of ['chart-fib-phases', 'chart-fib-phases-loaded']) {
    const drawn = await page.evaluate((canvasId) => {
      const canvas = document.getElementById(canvasId);
      if (!(canvas instanceof HTMLCanvasElement)) return -1;
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let coloured = 0;
      for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) coloured++;
      return coloured / (pixels.length / 4);
    }, id);
    assert.ok(drawn > 0.1, `${id}: ${drawn === -1 ? 'no canvas' : `${(drawn * 100).toFixed(1)} % of its pixels drawn`}`);
  }
  const rows = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLTableRowElement>('#phases table.phases-unloaded tbody tr'), (tr) =>
      Array.from(tr.cells, (td) => td.textContent ?? ''),
    ),
  );
  assert.equal(rows.length, phaseResults.cells.length);
  const piscina = rows.find((cells) => cells[2] === 'piscina')!;
  // spawn, queue and send are not observable in a peer pool: shown as absent, not as 0.
  assert.deepEqual(piscina.slice(6, 9), ['—', '—', '—']);

  const charts = page.locator('figure', { has: page.locator('#chart-fib-phases') });
  await charts.screenshot({ path: join(artifacts, 'phases-chart.png') });
  await page.locator('#phases').screenshot({ path: join(artifacts, 'phases-section.png') });
});
