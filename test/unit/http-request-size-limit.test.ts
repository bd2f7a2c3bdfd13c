/**
 * The benchmark server refuses a request size above --max-request-size and any size not
 * written in decimal digits, with a 400 naming the limit, and /health keeps answering.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILTIN_SUITES, loadSuite } from '../../suites/registry.js';
import { MainThreadExecutor } from '../../runners/executors/main-thread.js';
import { createRouter } from '../../runners/http/server/routes.js';
import { listenNode } from '../../runners/http/server/node-server.js';

test('a request size above the limit, or not in decimal digits, gets 400 naming the limit', async () => {
  const suite = await loadSuite(BUILTIN_SUITES.fib);
  const router = createRouter({ suite, executor: new MainThreadExecutor(suite), defaultSize: 10, maxRequestSize: 12, seed: 1 });
  const server = await listenNode(router.handle, { port: 0, reusePort: false, maxConnections: 64, headersTimeoutMs: 10_000 });
  const { port } = server;
  const get = async (path: string): Promise<{ status: number; body: { error?: string; size?: number } }> => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, body: (await response.json()) as { error?: string; size?: number } };
  };
  try {
    assert.equal((await get('/fib?size=12')).status, 200, 'at the limit: served');
    for (const size of ['13', '0x10', '1e1', '%2016', '016', '-1']) {
      const { status, body } = await get(`/fib?size=${size}`);
      assert.equal(status, 400, `size=${size}`);
      assert.match(body.error ?? '', /from 1 to 12 \(--max-request-size\)/, `size=${size}`);
    }
    assert.equal((await get('/health')).status, 200);
    assert.equal(router.counters.badRequests, 6);
  } finally {
    server.close();
  }
});
