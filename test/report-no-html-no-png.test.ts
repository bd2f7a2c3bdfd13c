/**
 * `bench report --no-html` writes only the PNG charts and `--no-png` only the HTML report;
 * both together is one usage line, exit 2. yargs hands a negated string flag over as false,
 * which used to reach the path checks and end the command with exit 3 ("paths[0] … boolean").
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { nodeResults } from './fixtures/results-node.js';
import { runCli, tempDir } from './helpers/cli.js';

test('--no-html and --no-png each leave one kind of output out; both together is a usage error', async (t) => {
  const dir = tempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'run.json');
  writeFileSync(file, JSON.stringify(nodeResults));
  const html = join(dir, 'run.html');
  const charts = join(dir, 'run');

  const pngOnly = await runCli(['report', '--no-html', file]);
  assert.equal(pngOnly.code, 0, pngOnly.stderr);
  assert.equal(existsSync(html), false, 'no HTML report with --no-html');
  assert.equal(existsSync(charts), true, 'the PNG charts are written');
  await rm(charts, { recursive: true });

  const htmlOnly = await runCli(['report', '--no-png', file]);
  assert.equal(htmlOnly.code, 0, htmlOnly.stderr);
  assert.equal(existsSync(html), true, 'the HTML report is written');
  assert.equal(existsSync(charts), false, 'no PNG charts with --no-png');

  const neither = await runCli(['report', '--no-html', '--no-png', file]);
  assert.equal(neither.code, 2);
  assert.match(neither.stderr, /--no-html with --no-png leaves nothing to write/);
  assert.equal(neither.stderr.trim().split('\n').length, 1, neither.stderr);
});
