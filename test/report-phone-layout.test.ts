/**
 * The HTML report on a phone (390 × 844) and on a laptop (1280 × 800): nothing widens the
 * page past the viewport (wide tables scroll in their own box), every chart keeps a plot of a
 * useful size (at 390 px, at least 60 % of the width: the desktop layout left ~50 px of plot
 * under rotated labels), and the warnings are a list grouped by kind. Reports: a 10-strategy
 * run on two runtimes with a warning of each kind per cell, two runs side by side, a size
 * study and an HTTP run. Page heights are reported as test diagnostics; full-page screenshots
 * go to $REPORT_SHOTS (default <tmp>/report-shots) for a human to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResults } from '../reports/load-results.js';
import { writeReports } from '../reports/write-reports.js';
import type { CompletedCell, MeasurementWarning, RunResult } from '../runners/contract/results.js';
import { BASELINE_STRATEGY, strategiesFor } from '../runners/contract/strategies.js';
import { chromiumInstalled, launchChromium, openReport } from './fixtures/browser.js';
import { bunResults } from './fixtures/results-bun.js';
import { nodeResults } from './fixtures/results-node.js';
import { V1_HTTP } from './fixtures/results-v1.js';
import { sizeStudyResults } from './fixtures/study-results.js';
import { tempDir } from './helpers/temp-dirs.js';

const SHOTS = process.env['REPORT_SHOTS'] ?? join(tmpdir(), 'report-shots');
const VIEWPORTS = [
  { width: 390, height: 844, plotWidth: 0.6 * 390, plotHeight: 120 },
  { width: 1280, height: 800, plotWidth: 300, plotHeight: 150 },
] as const;

/** fib on every run strategy, on node and on bun (bun skipped the last one), each cell warned of twice. */
function everyStrategy(): RunResult {
  const run = structuredClone(nodeResults);
  const base = run.cells.find((c) => c.suite === 'fib' && c.strategy === BASELINE_STRATEGY) as CompletedCell;
  const strategies = strategiesFor('run');
  const warnings: MeasurementWarning[] = [
    { kind: 'machine-load', message: 'the machine was busy when the run began', hint: 'close other programs and re-run' },
    { kind: 'few-rounds', message: 'only 2 rounds per cell: the 95 % intervals are very wide', hint: 'use --rounds 5' },
  ];
  run.cells = ['node', 'bun'].flatMap((runtime) =>
    strategies.map((strategy, i) => {
      const cell: CompletedCell = { ...structuredClone(base), strategy, runtime, transport: undefined };
      cell.throughput = { ...cell.throughput, tasksPerSec: base.throughput.tasksPerSec * (0.5 + i / 6) };
      for (const kind of ['machine-load', 'high-variance']) {
        warnings.push({
          kind,
          message: `fib × ${strategy}: other processes used ${60 + i} % of the machine's CPU during round 2`,
          hint: 'its figures are skewed against the other strategies: stop the other load and re-run',
          cell: { suite: 'fib', size: cell.size, strategy, runtime },
        });
      }
      return runtime === 'bun' && i === strategies.length - 1
        ? { ...cell, status: 'skipped' as const, reason: 'not supported on bun' }
        : cell;
    }),
  ) as RunResult['cells'];
  run.config = { ...run.config, suites: ['fib'], strategies, runtimes: ['node', 'bun'] };
  run.warnings = warnings;
  return run;
}

interface Layout {
  height: number;
  scrollWidth: number;
  viewport: number;
  overflowing: string[];
  plots: Array<{ id: string; width: number; height: number }>;
  warningsTag: string | undefined;
  groups: number;
}

test('the report fits a phone and a laptop: no sideways scroll, plots of a useful size, warnings grouped', async (t) => {
  if (!chromiumInstalled()) {
    t.skip('chromium not installed');
    return;
  }
  mkdirSync(SHOTS, { recursive: true });
  const dir = tempDir();
  const reports: Array<[string, RunResult[]]> = [
    ['every-strategy', [everyStrategy()]],
    ['two-runs', [nodeResults, bunResults]],
    ['size-study', [sizeStudyResults()]],
    ['http', [await loadResults(V1_HTTP)]],
  ];
  const browser = await launchChromium();
  t.after(() => browser.close());
  for (const [name, results] of reports) {
    const htmlPath = join(dir, `${name}.html`);
    await writeReports(results, { htmlPath });
    const kinds = new Set(results.flatMap((r) => r.warnings.map((w) => w.kind))).size;
    for (const viewport of VIEWPORTS) {
      const { page, log } = await openReport(browser, htmlPath, { width: viewport.width, height: viewport.height });
      assert.deepEqual(log.pageErrors, [], `${name} at ${viewport.width}`);
      const layout: Layout = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const scrolls = (el: Element): boolean => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX);
        const overflowing: string[] = [];
        for (const el of Array.from(document.querySelectorAll('body *'))) {
          const box = el.getBoundingClientRect();
          if (box.width === 0 || (box.right <= vw + 0.5 && box.left >= -0.5)) continue;
          let parent = el.parentElement;
          while (parent && !scrolls(parent)) parent = parent.parentElement;
          if (!parent)
            overflowing.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className}: ${Math.round(box.left)}–${Math.round(box.right)}`);
        }
        type Area = { left: number; right: number; top: number; bottom: number };
        const charts = (globalThis as unknown as { Chart: { getChart(c: HTMLCanvasElement): { chartArea: Area } | undefined } }).Chart;
        const plots = Array.from(document.querySelectorAll('canvas'), (canvas) => {
          const area = charts.getChart(canvas)?.chartArea;
          return { id: canvas.id, width: area ? area.right - area.left : 0, height: area ? area.bottom - area.top : 0 };
        });
        const warnings = document.getElementById('warnings');
        return {
          height: document.documentElement.scrollHeight,
          scrollWidth: document.documentElement.scrollWidth,
          viewport: vw,
          overflowing,
          plots,
          warningsTag: warnings?.tagName.toLowerCase(),
          groups: document.querySelectorAll('#warnings > li.warning-group').length,
        };
      });
      const at = `${name} at ${viewport.width} px`;
      t.diagnostic(`${at}: page height ${layout.height} px`);
      assert.equal(layout.scrollWidth, layout.viewport, `${at}: the page does not scroll sideways`);
      assert.deepEqual(layout.overflowing, [], `${at}: nothing sticks out of the viewport`);
      assert.ok(layout.plots.length > 0, `${at}: charts drawn`);
      for (const plot of layout.plots) {
        assert.ok(plot.width >= viewport.plotWidth, `${at}: ${plot.id} plot ${Math.round(plot.width)} px wide`);
        assert.ok(plot.height >= viewport.plotHeight, `${at}: ${plot.id} plot ${Math.round(plot.height)} px high`);
      }
      if (kinds > 0) {
        assert.equal(layout.warningsTag, 'ul', `${at}: the warnings are a list`);
        assert.equal(layout.groups, kinds, `${at}: one entry per kind`);
      }
      await page.screenshot({ path: join(SHOTS, `${name}-${viewport.width}.png`), fullPage: true });
      await page.close();
    }
  }
});
