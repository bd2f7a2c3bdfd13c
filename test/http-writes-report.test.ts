/** `bench http` writes its HTML report and PNG charts beside the results file, as `bench run` does. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, tempDir } from './helpers/cli.js';

test('bench http writes <run-id>.html and the http charts beside its results', async () => {
  const out = tempDir();
  const result = await runCli([
    'http',
    '--suite',
    'fib',
    '--size',
    '20',
    '--strategies',
    'main-thread,worker-pool',
    '--connections',
    '4',
    '--duration',
    '1',
    '--warmup',
    '0',
    '--out',
    out,
  ]);
  assert.equal(result.code, 0, result.stderr);
  const runId = readdirSync(out)
    .find((name) => name.endsWith('.json'))!
    .replace(/\.json$/, '');
  assert.ok(existsSync(join(out, `${runId}.html`)), 'the HTML report');
  assert.deepEqual(readdirSync(join(out, runId)).sort(), [
    'fib-http-event-loop.png',
    'fib-http-health.png',
    'fib-http-latency.png',
    'fib-http-requests.png',
  ]);
  assert.match(result.stderr, /report: .*\.html and 4 PNG charts/);
});
