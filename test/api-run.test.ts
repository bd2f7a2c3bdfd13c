/**
 * The package entry (package.json `exports["."]`) gives code that embeds bench `run(options)`
 * and `loadResults(path)`: run measures a suite like `bench run`, resolving to the results
 * object and leaving no file unless asked (`out`); loadResults reads a written file back.
 * The entry is found through package.json, in the build these tests run from.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BASELINE_STRATEGY } from '../runners/contract/strategies.js';
import { repoRoot } from './fixtures/paths.js';
import { fixture, tempDir } from './helpers/cli.js';

type Api = typeof import('../scripts/api/index.js');

interface Manifest {
  exports: Record<string, string | { types: string; default: string }>;
}

/** A path of the package (./dist/…) in the build this test was compiled into, which may be another folder than dist/. */
function inThisBuild(packagePath: string): string {
  const buildRoot = fileURLToPath(new URL('../', import.meta.url));
  return join(buildRoot, packagePath.replace(/^\.\/dist\//, ''));
}

test('run() from the package entry measures a suite to a results object; loadResults reads a written one back', {
  timeout: 120_000,
}, async () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as Manifest;
  const entry = manifest.exports['.'];
  assert.ok(entry !== undefined && typeof entry === 'object', 'exports["."] names the JS and its types');
  assert.ok(existsSync(inThisBuild(entry.types)), `the entry's types are built: ${entry.types}`);
  const api = (await import(pathToFileURL(inThisBuild(entry.default)).href)) as Api;

  const options = {
    suite: fixture('tiny-suite.js'),
    strategies: [BASELINE_STRATEGY],
    rounds: 1,
    phaseTime: 60,
    disturbedAbove: '100%',
  };
  const result = await api.run(options);
  assert.equal(result.complete, true);
  assert.equal(result.cells.length, 1);
  const [cell] = result.cells;
  assert.equal(cell?.status, 'completed', JSON.stringify(cell));
  assert.equal(cell.strategy, BASELINE_STRATEGY);
  assert.equal(cell.suite, 'tiny');
  assert.ok(cell.scenario === 'batch' && cell.verified && cell.throughput.tasksPerSec > 0);
  assert.deepEqual(result.context.commandLine.slice(0, 3), ['run', '--suite', options.suite], 'the equivalent command line');

  const out = join(tempDir(), 'results');
  const written = await api.run({ ...options, out });
  const files = readdirSync(out).filter((name) => name.endsWith('.json'));
  assert.deepEqual(files, [`${written.runId}.json`], 'with out, one results file, named by the run');
  const loaded = await api.loadResults(join(out, files[0]!));
  assert.deepEqual(loaded, JSON.parse(JSON.stringify(written)));

  await assert.rejects(api.run({ ...options, workers: 0 }), (error: Error & { exitCode?: number }) => {
    assert.match(error.message, /--workers/);
    assert.equal(error.exitCode, 2);
    return true;
  });
  await assert.rejects(api.loadResults(join(out, 'missing.json')), api.ResultsFileError);
});
