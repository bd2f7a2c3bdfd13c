/**
 * A v1 file written before the fields schema v2 made explicit loads with each of them
 * filled as v1 readers took its absence (a measurement not recorded is null), every other
 * value as the file holds it, and keys the schema does not know kept.
 */
import assert from 'node:assert/strict';
import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResults } from '../../reports/load-results.js';
import { makeTempDir } from '../fixtures/paths.js';
import { readV1, V1_HTTP, V1_RUN } from '../fixtures/results-v1.js';

type Json = Record<string, unknown>;

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The file as an older harness wrote it: `keys` deleted from each of `records(file)`. */
function without(file: Json, records: (file: Json) => unknown[], keys: string[]): void {
  for (const record of records(file)) if (isJson(record)) for (const key of keys) delete record[key];
}

const rounds = (file: Json): unknown[] =>
  (Array.isArray(file['cells']) ? file['cells'] : []).flatMap((cell) =>
    isJson(cell) && Array.isArray(cell['rounds']) ? cell['rounds'] : [],
  );

test('a v1 file without the fields v2 made explicit loads with each filled, and nothing else changed', async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));

  const old = readV1(V1_RUN);
  without(old, (f) => [f['config']], ['scenario', 'runtimes', 'workerNice']);
  without(old, (f) => [f['context']], ['runtimes']);
  without(old, rounds, ['latencyMeanMs', 'latencyCount', 'foreignCpuShare']);
  // Keys this bench does not know: a newer harness's block, a field on a cell.
  old['annotations'] = { question: 'which pool size', answer: null };
  old.cells[0] = { ...old.cells[0], note: 'kept' };
  const path = join(dir, 'old.json');
  await writeFile(path, JSON.stringify(old));

  const expected = structuredClone(old);
  expected['schemaVersion'] = 2;
  const { config, context } = expected;
  assert.ok(isJson(config) && isJson(context));
  Object.assign(config, { scenario: 'batch', runtimes: ['node'], workerNice: 0 });
  Object.assign(context, { runtimes: {} });
  for (const round of rounds(expected))
    if (isJson(round)) Object.assign(round, { latencyMeanMs: null, latencyCount: null, foreignCpuShare: null });

  assert.deepEqual(await loadResults(path), expected);
});

test('a v1 http file without foreignCpuShare loads with it null, its probes and load kept', async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));

  const old = readV1(V1_HTTP);
  without(old, (f) => (Array.isArray(f['cells']) ? f['cells'] : []), ['foreignCpuShare']);
  const path = join(dir, 'old-http.json');
  await writeFile(path, JSON.stringify(old));

  const run = await loadResults(path);
  assert.equal(run.config.scenario, 'http');
  assert.deepEqual(run.config.runtimes, ['node'], "the servers ran on the CLI's runtime");
  assert.deepEqual(run.context, old['context'], 'the recorded probe, capabilities and all');
  for (const cell of run.cells) {
    assert.ok(cell.status === 'completed' && cell.scenario === 'http', `${cell.strategy} completed`);
    assert.equal(cell.foreignCpuShare, null, `${cell.strategy}: not recorded, not a guess`);
  }
});
