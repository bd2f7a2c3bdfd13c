import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatNumber } from '../reports/html/html-table.js';
import { writeReports } from '../reports/write-reports.js';
import { chromiumInstalled, launchChromium, openReport } from './fixtures/browser.js';
import { nodeResults } from './fixtures/results-node.js';
import { makeTempDir } from './fixtures/paths.js';

test('clicking a column header sorts the cell table by it, numerically, figureless cells last', async (t) => {
  if (!chromiumInstalled()) {
    t.skip('chromium not installed');
    return;
  }
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const htmlPath = join(dir, 'report.html');
  await writeReports([nodeResults], { htmlPath });
  const browser = await launchChromium();
  t.after(() => browser.close());
  const { page } = await openReport(browser, htmlPath);

  const column = (head: string) =>
    page.evaluate((name) => {
      const heads = Array.from(document.querySelectorAll<HTMLTableCellElement>('#cells thead th[data-col]'));
      const index = heads.findIndex((th) => th.textContent === name);
      return Array.from(document.querySelectorAll<HTMLTableRowElement>('#cells tbody tr'), (tr) => tr.cells[index]?.textContent ?? '');
    }, head);
  const clickHeader = (head: string) => page.locator('#cells thead th[data-col] button', { hasText: new RegExp(`^${head}$`) }).click();

  const figures = nodeResults.cells.flatMap((cell) =>
    cell.status === 'completed' && cell.scenario === 'batch' ? [cell.throughput.tasksPerSec] : [],
  );
  const shown = (values: number[]) => values.map(formatNumber);
  const notCompleted = nodeResults.cells.length - figures.length;

  await clickHeader('tasks/s');
  assert.deepEqual(await column('tasks/s'), [...shown([...figures].sort((a, b) => a - b)), ...Array<string>(notCompleted).fill('—')]);
  await clickHeader('tasks/s');
  assert.deepEqual(await column('tasks/s'), [...shown([...figures].sort((a, b) => b - a)), ...Array<string>(notCompleted).fill('—')]);

  await clickHeader('strategy');
  const strategies = await column('strategy');
  assert.deepEqual(
    strategies,
    [...strategies].sort((a, b) => a.localeCompare(b)),
  );
});
