import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { writeReports } from '../reports/write-reports.js';
import type { StudyRunResult } from '../runners/contract/study.js';
import { chromiumInstalled, launchChromium, openReport } from './fixtures/browser.js';
import { repoRoot } from './fixtures/paths.js';
import { sizeStudyResults, workersStudyResults } from './fixtures/study-results.js';

const studies: Array<[string, () => StudyRunResult]> = [
  ['size', sizeStudyResults],
  ['workers', workersStudyResults],
];

for (const [kind, build] of studies) {
  test(`the HTML report of a ${kind} study opens offline, draws every study chart and labels every crossover`, async (t) => {
    if (!chromiumInstalled()) {
      t.skip('chromium not installed');
      return;
    }
    // Kept after the run for a human to look at: the report and its screenshot.
    const artifacts = join(repoRoot(), 'test-artifacts');
    await mkdir(artifacts, { recursive: true });
    const htmlPath = join(artifacts, `study-${kind}.html`);
    const results = build();
    await writeReports([results], { htmlPath });

    const browser = await launchChromium();
    t.after(() => browser.close());
    const { page, log } = await openReport(browser, htmlPath);
    assert.deepEqual(log.requests, [pathToFileURL(htmlPath).href], 'no request but the file itself');
    assert.deepEqual(log.consoleErrors, []);
    assert.deepEqual(log.pageErrors, []);

    const canvases = await page.evaluate(() =>
      Array.from(document.querySelectorAll('section.study canvas'), (canvas) => {
        const pixels =
          (canvas as HTMLCanvasElement)
            .getContext('2d')
            ?.getImageData(0, 0, (canvas as HTMLCanvasElement).width, (canvas as HTMLCanvasElement).height).data ?? new Uint8ClampedArray();
        let drawn = 0;
        for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) drawn++;
        return { id: canvas.id, drawn, total: pixels.length / 4 };
      }),
    );
    assert.equal(canvases.length, 2, 'two charts per study');
    for (const canvas of canvases)
      assert.ok(canvas.drawn > canvas.total * 0.02, `${canvas.id}: ${canvas.drawn} of ${canvas.total} pixels drawn`);

    const answer = await page.evaluate(() => Array.from(document.querySelectorAll('#answer li'), (li) => li.textContent ?? ''));
    assert.deepEqual(answer, results.study!.answer, 'the answer in words at the top, as in the results file');
    // Once: the study's section does not print it again.
    const first = results.study!.answer[0] ?? '';
    const times = await page.evaluate((line) => document.body.textContent?.split(line).length ?? 0, first);
    assert.equal(times - 1, 1, 'the answer is printed once');

    // Before the label check below redraws the charts without their labels.
    await page.screenshot({ path: join(artifacts, `study-${kind}.png`), fullPage: true });
    if (kind === 'size') {
      const crossed = results
        .study!.crossovers.filter((c) => c.status === 'crossed')
        .map((c) => c.strategy)
        .sort();
      assert.deepEqual(crossed, ['process-pool', 'shared-memory', 'worker-pool']);
      // Each crossover label darkens pixels where it is drawn: compare each chart with its labels removed.
      const inked = await page.evaluate(() => {
        interface Drawn {
          data: { datasets: Array<{ label?: string; pointLabels?: Array<string | null> }> };
          update(mode: string): void;
          canvas: HTMLCanvasElement;
        }
        const chartJs = (globalThis as { Chart?: { getChart(canvas: HTMLCanvasElement): Drawn | undefined } }).Chart;
        const dark = (canvas: HTMLCanvasElement): number => {
          const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
          let count = 0;
          for (let i = 0; i < pixels.length; i += 4)
            if ((pixels[i] ?? 255) < 60 && (pixels[i + 1] ?? 255) < 60 && (pixels[i + 2] ?? 255) < 60 && (pixels[i + 3] ?? 0) > 200)
              count++;
          return count;
        };
        return Array.from(document.querySelectorAll<HTMLCanvasElement>('section.study canvas'), (canvas) => {
          const chart = chartJs?.getChart(canvas);
          const markers = chart?.data.datasets.find((d) => d.label === 'crossover');
          const labels = markers?.pointLabels ?? [];
          const before = dark(canvas);
          if (markers) markers.pointLabels = [];
          chart?.update('none');
          return { id: canvas.id, labels, inkPerLabel: (before - dark(canvas)) / Math.max(1, labels.length) };
        });
      });
      for (const chart of inked) {
        assert.deepEqual([...chart.labels].map((l) => l?.split(' ')[0]).sort(), crossed, `${chart.id}: one label per crossover`);
        assert.ok(chart.inkPerLabel > 100, `${chart.id}: ${chart.inkPerLabel} dark pixels per label`);
      }
    } else {
      const fits = await page.evaluate(() => Array.from(document.querySelectorAll('.study-fits li'), (li) => li.textContent ?? ''));
      assert.equal(fits.length, 2);
      for (const fit of fits) assert.match(fit, /USL: λ = .*σ = .*κ = .*N\* ≈/);
    }
  });
}
