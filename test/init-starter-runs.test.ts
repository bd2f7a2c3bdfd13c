/**
 * `bench init` in an empty project writes the starter suite and the workflow, and the suite
 * it wrote measures as it stands: `bench run --suite bench/example.bench.mjs --quick`, run
 * there, completes and verifies every cell of every default strategy (its Uint8Array input
 * and number output through every transport, its setup() in every host).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AB_WORKFLOW_PATH } from '../scripts/cli/init/ab-workflow.js';
import { EXAMPLE_SUITE_PATH } from '../scripts/cli/init/example-suite.js';
import { defaultStrategiesFor } from '../runners/contract/strategies.js';
import { readResults, runCli, tempDir } from './helpers/cli.js';

test('bench init writes a starter suite that bench run measures there, every cell verified', { timeout: 240_000 }, async () => {
  const project = tempDir('bench-init-');
  const init = await runCli(['init'], {}, project);
  assert.equal(init.code, 0, init.stderr);
  for (const path of [EXAMPLE_SUITE_PATH, AB_WORKFLOW_PATH]) {
    assert.ok(existsSync(join(project, path)), `${path} written`);
    assert.match(init.stdout, new RegExp(`^wrote ${path.replace(/\./g, '\\.')}$`, 'm'));
  }
  assert.ok(init.stdout.includes(`npx bench run --suite ${EXAMPLE_SUITE_PATH} --quick`), init.stdout);
  assert.ok(init.stdout.includes('npx bench report'), init.stdout);

  const out = tempDir();
  const run = await runCli(['run', '--suite', EXAMPLE_SUITE_PATH, '--quick', '--out', out], {}, project);
  assert.equal(run.code, 0, run.stderr);
  const results = readResults(out);
  assert.equal(results.complete, true);
  assert.deepEqual(results.config.suites, ['example']);
  assert.equal(results.cells.length, defaultStrategiesFor('run').length);
  for (const cell of results.cells) {
    assert.equal(cell.status, 'completed', `${cell.strategy}: ${JSON.stringify(cell)}`);
    if (cell.status === 'completed' && cell.scenario === 'batch') assert.equal(cell.verified, true);
  }
});
