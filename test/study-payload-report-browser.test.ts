/**
 * The HTML report of a payload study opens offline in Chromium, draws both log–log charts
 * (a line per transport and the memcpy reference), and shows the answer as in the results
 * file. The page and its screenshot stay in test-artifacts/ for a human to look at.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { writeReports } from '../reports/write-reports.js';
import { chromiumInstalled, launchChromium, openReport } from './fixtures/browser.js';
import { repoRoot } from './fixtures/paths.js';
import { MODELS, payloadStudyResults } from './fixtures/payload-results.js';

test('the HTML report of a payload study draws its two charts, one line per transport plus memcpy, offline', async (t) => {
  if (!chromiumInstalled()) {
    t.skip('chromium not installed');
    return;
  }
  const artifacts = join(repoRoot(), 'test-artifacts');
  await mkdir(artifacts, { recursive: true });
  const htmlPath = join(artifacts, 'study-payload.html');
  const results = payloadStudyResults();
  await writeReports([results], { htmlPath });

  const browser = await launchChromium();
  t.after(() => browser.close());
  const { page, log } = await openReport(browser, htmlPath);
  assert.deepEqual(log.requests, [pathToFileURL(htmlPath).href], 'no request but the file itself');
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);

  const charts = await page.evaluate(() => {
    interface Drawn {
      data: { datasets: Array<{ label?: string; data: unknown[] }> };
    }
    const chartJs = (globalThis as { Chart?: { getChart(canvas: HTMLCanvasElement): Drawn | undefined } }).Chart;
    return Array.from(document.querySelectorAll<HTMLCanvasElement>('section.payload-study canvas'), (canvas) => {
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let drawn = 0;
      for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) drawn++;
      const datasets = chartJs?.getChart(canvas)?.data.datasets ?? [];
      return { id: canvas.id, drawn, total: pixels.length / 4, lines: datasets.map((d) => [d.label ?? '', d.data.length] as const) };
    });
  });
  assert.deepEqual(
    charts.map((c) => c.id),
    ['chart-study-payload-round-trip-echo', 'chart-study-payload-rate-echo'],
  );
  for (const chart of charts) {
    assert.ok(chart.drawn > chart.total * 0.02, `${chart.id}: ${chart.drawn} of ${chart.total} pixels drawn`);
    assert.equal(chart.lines.length, MODELS.length + 1, `${chart.id}: a line per transport and the memcpy reference`);
    for (const [label, points] of chart.lines) assert.equal(points, 5, `${chart.id}: ${label} has a point per size`);
    assert.ok(chart.lines.some(([label]) => /^memcpy/.test(label)));
  }
  // The answer is at the top of the report, once: the study's own section does not repeat it.
  const answer = await page.evaluate(() => Array.from(document.querySelectorAll('#answer li'), (li) => li.textContent ?? ''));
  assert.deepEqual(answer, results.study!.answer);
  assert.equal(await page.evaluate(() => document.querySelectorAll('section.payload-study .study-answer').length), 0);
  const rows = await page.evaluate(() => document.querySelectorAll('table.payload-points tbody tr').length);
  assert.equal(rows, MODELS.length * 5);
  await page.screenshot({ path: join(artifacts, 'study-payload.png'), fullPage: true });
});
