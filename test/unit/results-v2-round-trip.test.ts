/**
 * A schema v2 file round-trips: what the loader returns, written back as the harness
 * writes results, loads deep-equal, with every v2 field present in the file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResults } from '../../reports/load-results.js';
import { writeJsonAtomic } from '../../runners/common/write-atomic.js';
import { makeTempDir } from '../fixtures/paths.js';
import { nodeResults } from '../fixtures/results-node.js';
import { V1_HTTP, V1_RUN } from '../fixtures/results-v1.js';

test('a v2 file written from a loaded run loads deep-equal, every v2 field explicit', async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (const [name, loaded] of [
    ['run', await loadResults(V1_RUN)],
    ['http', await loadResults(V1_HTTP)],
    ['built', nodeResults],
  ] as const) {
    const path = join(dir, `${name}.json`);
    writeJsonAtomic(path, loaded);
    assert.deepEqual(await loadResults(path), loaded, name);

    const text = readFileSync(path, 'utf8');
    const written: unknown = JSON.parse(text);
    assert.ok(typeof written === 'object' && written !== null && 'schemaVersion' in written, name);
    assert.equal(written.schemaVersion, 2, name);
    for (const key of ['"scenario"', '"runtimes"', '"workerNice"']) assert.ok(text.includes(key), `${name}: ${key} written`);
    for (const cell of loaded.cells) {
      if (cell.status === 'completed' && cell.scenario === 'http') assert.ok('foreignCpuShare' in cell, `${name}: ${cell.strategy}`);
      for (const round of 'rounds' in cell ? cell.rounds : []) {
        for (const key of ['latencyMeanMs', 'latencyCount', 'foreignCpuShare'])
          assert.ok(key in round, `${name}: ${cell.strategy} round ${round.round} ${key}`);
      }
    }
  }
});
