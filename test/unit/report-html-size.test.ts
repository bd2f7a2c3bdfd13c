import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeReports } from '../../reports/write-reports.js';
import { bunResults } from '../fixtures/results-bun.js';
import { nodeResults } from '../fixtures/results-node.js';
import { makeTempDir } from '../fixtures/paths.js';

test('the HTML report of two full runs stays under 1 MB and carries no raw samples', async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const htmlPath = join(dir, 'report.html');
  await writeReports([nodeResults, bunResults], { htmlPath });
  const html = await readFile(htmlPath, 'utf8');

  assert.ok(Buffer.byteLength(html) < 1024 * 1024, `${Buffer.byteLength(html)} bytes`);
  for (const field of ['latencySamplesMs', 'loadedLatencySamplesMs', 'startupSamplesMs', '"rounds"']) {
    assert.ok(!html.includes(field), `${field} is not embedded`);
  }
});
