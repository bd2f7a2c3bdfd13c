import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeReports } from '../reports/write-reports.js';
import { chromiumInstalled, launchChromium, openReport } from './fixtures/browser.js';
import { hostile, hostileResults } from './fixtures/results-hostile.js';
import { makeTempDir } from './fixtures/paths.js';

const FIELDS = [
  'runId',
  'createdAt',
  'interruptedBy',
  'runtime',
  'runtime.version',
  'os.platform',
  'os.release',
  'os.arch',
  'cpu.model',
  'hostname',
  'commit',
  'harnessVersion',
  'timingEnv.key',
  'timingEnv.value',
  'commandLine',
  'suite',
  'strategy',
  'error.message',
  'reason',
  'warning.kind',
  'warning.message',
  'warning.hint',
  'warning.cell.strategy',
  'eventLoopDelay.method',
  'config.strategies',
];

test('hostile strings in every text field of a results file render as inert text', async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const htmlPath = join(dir, 'report.html');
  await writeReports([hostileResults], { htmlPath });
  const html = await readFile(htmlPath, 'utf8');

  // In the markup: no hostile string survives unescaped, no tag it carries exists.
  for (const field of FIELDS) assert.ok(!html.includes(hostile(field)), `${field} is escaped`);
  assert.ok(!html.includes('<img'), 'no <img> tag was injected');
  const json = /<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  assert.ok(json.includes('\\u003c/script\\u003e'), 'the chart data holds the hostile suite name, escaped');
  assert.ok(!/[<>&\u2028\u2029]/.test(json), 'the chart data has no raw <, >, &, U+2028 or U+2029');
  assert.equal(html.match(/<script/g)?.length, 3, 'only our three script blocks: chart data, Chart.js, boot');

  if (!chromiumInstalled()) {
    t.skip('chromium not installed');
    return;
  }
  // In the browser: nothing ran, nothing was injected, every string reads as its own text.
  const browser = await launchChromium();
  t.after(() => browser.close());
  const { page, log } = await openReport(browser, htmlPath);
  const dom = await page.evaluate(() => ({
    text: document.body.textContent ?? '',
    images: document.querySelectorAll('img').length,
    scripts: document.scripts.length,
    charts: document.querySelectorAll('canvas').length,
  }));
  assert.deepEqual(log.dialogs, [], 'no alert() ran');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, [], 'no errors, Content-Security-Policy violations included');
  assert.equal(dom.images, 0);
  assert.equal(dom.scripts, 3);
  assert.ok(dom.charts > 0, 'the charts were laid out despite hostile names');
  for (const field of FIELDS) assert.ok(dom.text.includes(hostile(field)), `${field} shows as text`);
});
