/**
 * The report a reviewer reads first, at 1280 px: the answer for each suite at the top, and
 * a page that never scrolls sideways, even with suite names, warnings and errors that are
 * long unbroken strings — tables wrap their text or scroll inside their own box, and each
 * warning's "what to change" is on screen without scrolling. The screenshots are kept in
 * test-artifacts/ for a human to look at.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RunResult } from '../runners/contract/results.js';
import { writeReports } from '../reports/write-reports.js';
import { answerLines } from '../reports/html/answer-section.js';
import { escapeHtml } from '../reports/html/html-escape.js';
import { chromiumInstalled, launchChromium, openReport } from './fixtures/browser.js';
import { repoRoot } from './fixtures/paths.js';
import { nodeResults } from './fixtures/results-node.js';
import { sizeStudyResults } from './fixtures/study-results.js';
import { tempDir } from './helpers/temp-dirs.js';

const WIDTH = 1280;
/** No space to break at: only the page's own wrapping rules can keep it in the viewport. */
const long = (name: string): string => `${name}-${'unbroken'.repeat(30)}`;

/** nodeResults with every suite renamed long, a long warning, and an errored cell with a long message. */
function longNamedResults(): RunResult {
  const run = structuredClone(nodeResults);
  const renamed = new Map(run.config.suites.map((suite) => [suite, long(suite)]));
  const rename = (suite: string): string => renamed.get(suite) ?? suite;
  run.config.suites = run.config.suites.map(rename);
  run.config.sizes = Object.fromEntries(Object.entries(run.config.sizes).map(([suite, size]) => [rename(suite), size]));
  for (const cell of run.cells) cell.suite = rename(cell.suite);
  for (const warning of run.warnings) if (warning.cell) warning.cell.suite = rename(warning.cell.suite);
  run.warnings.push({
    kind: 'foreign-load',
    message: `another program used the CPU while ${long('fib')} ran: /home/someone/projects/${'deeply/nested/'.repeat(8)}worker.js`,
    hint: `stop /home/someone/projects/${'deeply/nested/'.repeat(8)}worker.js and re-run; the figures are skewed until then`,
    cell: { suite: rename('fib'), size: 27, strategy: 'worker-pool', runtime: 'node' },
  });
  const errored = run.cells.find((cell) => cell.status === 'errored');
  if (errored?.status === 'errored') errored.error.message = `suite threw: ${'RangeError:Maximum-call-stack-size-exceeded;'.repeat(6)}`;
  return run;
}

test('at 1280 px the report opens on the answer and never scrolls sideways, long names and warnings included', async (t) => {
  if (!chromiumInstalled()) {
    t.skip('chromium not installed');
    return;
  }
  const artifacts = join(repoRoot(), 'test-artifacts');
  await mkdir(artifacts, { recursive: true });
  const htmlPath = join(artifacts, 'report-1280.html');
  const results = longNamedResults();
  await writeReports([results], { htmlPath });

  const browser = await launchChromium();
  t.after(() => browser.close());
  const { page, log } = await openReport(browser, htmlPath, { width: WIDTH, height: 900 });
  assert.deepEqual(log.pageErrors, []);

  const layout = await page.evaluate(() => {
    const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
    const hints = Array.from(document.querySelectorAll<HTMLElement>('#warnings .hint'), (hint) => hint.getBoundingClientRect());
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      answer: box('#answer'),
      firstInMain: document.querySelector('main')?.firstElementChild?.id,
      answerLines: Array.from(document.querySelectorAll('#answer li'), (li) => li.textContent ?? ''),
      hints: hints.map((r) => ({ left: r.left, right: r.right })),
    };
  });
  assert.equal(layout.scrollWidth, layout.viewport, 'the page is as wide as the viewport: nothing widens it');
  assert.equal(layout.firstInMain, 'answer', 'the answer comes first');
  assert.ok(layout.answer && layout.answer.top < 900, 'and is on the first screen');
  assert.deepEqual(layout.answerLines, answerLines(results), 'the answer is the one `bench run` prints, one line per suite');
  assert.equal(layout.answerLines.length, 3, 'one per suite');
  // Warnings are grouped by kind: one "what to change" per distinct hint of each kind.
  const hintsByKind = new Map<string, Set<string>>();
  for (const w of results.warnings) hintsByKind.set(w.kind, (hintsByKind.get(w.kind) ?? new Set()).add(w.hint));
  assert.equal(
    layout.hints.length,
    [...hintsByKind.values()].reduce((n, hints) => n + hints.size, 0),
  );
  for (const hint of layout.hints)
    assert.ok(hint.right <= layout.viewport, `a warning's "what to change" is on screen: ${JSON.stringify(hint)}`);

  await page.screenshot({ path: join(artifacts, 'report-1280.png') });
  await page.screenshot({ path: join(artifacts, 'report-1280-full.png'), fullPage: true });
  await page.locator('#warnings').screenshot({ path: join(artifacts, 'report-1280-warnings.png') });
});

test("a study's answer (crossovers, scaling) heads its report, as its analysis stored it", async () => {
  const study = sizeStudyResults();
  const htmlPath = join(tempDir(), 'study.html');
  await writeReports([study], { htmlPath });
  const html = readFileSync(htmlPath, 'utf8');
  const top = html.slice(html.indexOf('<section id="answer"'), html.indexOf('</section>', html.indexOf('<section id="answer"')));
  assert.ok(top.length > 0, 'an answer section');
  assert.ok(html.indexOf('<section id="answer"') < html.indexOf('<section class="study"'), 'above the study section');
  const answer = study.study?.answer ?? [];
  assert.ok(answer.length > 0);
  assert.deepEqual(answerLines(study), answer);
  for (const line of answer) assert.ok(top.includes(escapeHtml(line)), line);
});
