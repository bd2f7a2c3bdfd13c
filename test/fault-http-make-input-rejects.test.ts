/**
 * A request for a size the suite's makeInput rejects (within --max-request-size) fails
 * alone: it is answered 500 naming the suite's error, the server goes on answering the
 * load's size and /health, and the error is kept for the cell's reason.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ServerSpec } from '../runners/contract/http-protocol.js';
import { startServer } from '../runners/http/harness/server-process.js';
import { fixture } from './helpers/cli.js';

const SUITE_ERROR = /makeInput\(3, 1\) threw RangeError: fault-make-input-rejects-small: size 3 is below 10/;

test('a size whose makeInput throws is answered 500 and the server keeps serving', async () => {
  const spec: ServerSpec = {
    suiteUrl: pathToFileURL(fixture('faults/make-input-rejects-small.js')).href,
    size: 16,
    strategy: 'main-thread',
    workers: 1,
    workerNice: 0,
    maxQueue: 16,
    maxRequestSize: 100,
    seed: 1,
  };
  const server = await startServer(spec, 20_000);
  const get = (path: string): Promise<Response> => fetch(`http://127.0.0.1:${server.port}${path}`);
  try {
    const rejected = await get('/fault-make-input-rejects-small?size=3');
    assert.equal(rejected.status, 500);
    assert.match(((await rejected.json()) as { error: string }).error, SUITE_ERROR);

    assert.equal((await get('/fault-make-input-rejects-small')).status, 200);
    assert.equal((await get('/health')).status, 200);
    const stats = await server.measureStop();
    assert.match(stats.firstServerError ?? '(none)', SUITE_ERROR);
  } finally {
    await server.stop();
  }
});
