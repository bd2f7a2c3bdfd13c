import assert from 'node:assert/strict';
import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { runReport } from '../../scripts/cli/commands/report.js';
import { nodeResults } from '../fixtures/results-node.js';
import { makeTempDir } from '../fixtures/paths.js';

/**
 * Behaviour only: how long it takes is a figure for a benchmark, not an assertion (an absolute
 * time here failed whenever the machine was busy).
 */
test('`bench report` on a full 18-cell run writes the HTML and every PNG', async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'run.json');
  await writeFile(file, JSON.stringify(nodeResults));
  const quiet = { out: () => undefined, err: () => undefined };

  const written = await runReport({ files: [file], keepGoing: false }, quiet);

  assert.equal(written.pngPaths.length, 18);
  assert.ok(written.htmlPath !== undefined, 'no HTML written');
  for (const path of [...written.pngPaths, written.htmlPath]) assert.ok((await stat(path)).size > 0, `${path} is empty`);
});
