/**
 * Without a loadable canvas (a native addon: no cairo here, or npm refused its install
 * script) `bench report` still writes the HTML report, which draws with the browser's
 * Chart.js, says in one line how to enable the PNG charts, writes none, and exits 0.
 * canvas is made unloadable by a loader (fixtures/no-canvas.ts), not by a hook in bench.
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { nodeResults } from './fixtures/results-node.js';
import { runCli, tempDir } from './helpers/cli.js';

const NO_CANVAS = { NODE_OPTIONS: `--import=${new URL('./fixtures/no-canvas.js', import.meta.url).href}` };

test('bench report without canvas writes the HTML, skips the PNG charts in one line and exits 0', async () => {
  const dir = tempDir();
  const file = join(dir, 'run.json');
  writeFileSync(file, JSON.stringify(nodeResults));

  const report = await runCli(['report', file], NO_CANVAS);
  assert.equal(report.code, 0, report.stderr);
  assert.equal(existsSync(join(dir, 'run.html')), true, 'the HTML report is written');
  assert.equal(existsSync(join(dir, 'run')), false, 'no PNG charts, not even their directory');
  assert.match(report.stdout, /wrote .*run\.html/);
  const lines = report.stderr.trim().split('\n');
  assert.equal(lines.length, 1, report.stderr);
  assert.match(
    lines[0] ?? '',
    /^PNG charts skipped: canvas does not load here \(canvas made unloadable by .*\); to enable them: npm rebuild canvas .*, or pass --no-png$/,
  );
});

test('bench report --no-html without canvas, which would write nothing, exits 2 with that line', async () => {
  const dir = tempDir();
  const file = join(dir, 'run.json');
  writeFileSync(file, JSON.stringify(nodeResults));

  const report = await runCli(['report', '--no-html', file], NO_CANVAS);
  assert.equal(report.code, 2, report.stderr);
  assert.equal(report.stderr.trim().split('\n').length, 1, report.stderr);
  assert.match(report.stderr, /PNG charts skipped: canvas does not load here .*nothing was written: drop --no-html/);
  assert.equal(existsSync(join(dir, 'run')), false, 'no PNG charts');
});
