/**
 * The benchmark server keeps the inputs of at most two request sizes besides its own: a
 * client walking through sizes cannot make it hold many large inputs, and the size the load
 * asks for is never evicted (never rebuilt mid-measurement).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Suite } from '../../suites/suite.js';
import { MainThreadExecutor } from '../../runners/executors/main-thread.js';
import { createRouter } from '../../runners/http/server/routes.js';
import { listenNode } from '../../runners/http/server/node-server.js';

test('inputs are kept for the default size and at most two others', async () => {
  const made = new Map<number, number>();
  const suite: Suite = {
    name: 'count',
    description: 'counts makeInput calls',
    defaultSize: 10,
    sizes: [10],
    makeInput(size) {
      made.set(size, (made.get(size) ?? 0) + 1);
      return size;
    },
    run: (n) => Number(n) * 2,
    verify: (n, out) => out === Number(n) * 2,
  };
  const router = createRouter({ suite, executor: new MainThreadExecutor(suite), defaultSize: 10, maxRequestSize: 20, seed: 1 });
  const server = await listenNode(router.handle, { port: 0, reusePort: false, maxConnections: 64, headersTimeoutMs: 10_000 });
  const { port } = server;
  try {
    for (const size of [10, 11, 12, 13, 10, 11, 12]) {
      assert.equal((await fetch(`http://127.0.0.1:${port}/count?size=${size}`)).status, 200, `size=${size}`);
    }
    // Each kept size makes its 4 distinct inputs once, each twice (the determinism check);
    // 11 was evicted by 13 and made again, which evicted 12.
    assert.deepEqual(Object.fromEntries(made), { 10: 8, 11: 16, 12: 16, 13: 8 });
  } finally {
    server.close();
  }
});
