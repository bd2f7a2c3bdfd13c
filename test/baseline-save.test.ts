/**
 * `bench baseline save` stores a run, byte for byte, as results/baseline/<fingerprint>.json
 * — where `bench baseline path` (and scripts/ci-regression.sh) look for the baseline of a
 * run made on the same CPU, core count and runtime version.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { nodeResults } from './fixtures/results-node.js';
import { runCli, tempDir } from './helpers/cli.js';

test('a baseline is saved under its fingerprint and found again from any run of that fingerprint', async (t) => {
  const dir = tempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'run.json');
  writeFileSync(file, `${JSON.stringify(nodeResults, null, 2)}\n`);
  const baselines = join(dir, 'baseline');

  const saved = await runCli(['baseline', 'save', file, '--dir', baselines]);
  assert.equal(saved.code, 0, saved.stderr);
  const path = saved.stdout.trim();
  assert.match(path, /\/baseline\/node-20\.20\.2-2c-intel-xeon-platinum-8375c-cpu-2\.90ghz-[0-9a-f]{8}\.json$/);
  assert.equal(readFileSync(path, 'utf8'), readFileSync(file, 'utf8'), 'the run itself, unchanged');
  assert.match(saved.stderr, /baseline saved: /);

  // A later run on the same machine and runtime (other host, commit, load) finds it.
  const later = join(dir, 'later.json');
  writeFileSync(
    later,
    JSON.stringify({
      ...nodeResults,
      runId: 'later',
      context: { ...nodeResults.context, hostname: 'ci-7', commit: 'abc', loadAverage1m: 3 },
    }),
  );
  const found = await runCli(['baseline', 'path', later, '--dir', baselines]);
  assert.equal(found.stdout.trim(), path);

  // Another Node version is another fingerprint.
  const upgraded = join(dir, 'upgraded.json');
  writeFileSync(
    upgraded,
    JSON.stringify({ ...nodeResults, context: { ...nodeResults.context, runtime: { name: 'node', version: '22.1.0' } } }),
  );
  const elsewhere = await runCli(['baseline', 'path', upgraded, '--dir', baselines]);
  assert.notEqual(elsewhere.stdout.trim(), path);

  const again = await runCli(['baseline', 'save', later, '--dir', baselines]);
  assert.equal(again.stdout.trim(), path);
  assert.match(again.stderr, /baseline replaced: /);
});
