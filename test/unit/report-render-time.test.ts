import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { runReport } from '../../scripts/cli/commands/report.js';
import { nodeResults } from '../fixtures/results-node.js';
import { makeTempDir } from '../fixtures/paths.js';

test('`bench report` on a full 18-cell run writes the HTML and every PNG in under 3 s', async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'run.json');
  await writeFile(file, JSON.stringify(nodeResults));
  const quiet = { out: () => undefined, err: () => undefined };

  const started = performance.now();
  const written = await runReport({ files: [file], keepGoing: false }, quiet);
  const elapsedMs = performance.now() - started;

  assert.equal(written.pngPaths.length, 18);
  assert.ok(elapsedMs < 3000, `took ${Math.round(elapsedMs)} ms`);
});
