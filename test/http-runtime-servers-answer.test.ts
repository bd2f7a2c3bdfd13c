/**
 * Each runtime serves with its own server — node:http, Bun.serve, Deno.serve — behind the
 * same routes: a Bun and a Deno server answer a task with a verified output, /health and
 * /noop at once, and refuse bad sizes, unknown routes and other methods exactly as the Node
 * server does (the same status and the same words).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RuntimeName } from '../runners/contract/results.js';
import { BUSY_MACHINE_POOL } from '../runners/contract/strategies.js';
import { missingRuntime } from './helpers/round-trip.js';
import { serverSpecFor, startServerOn } from './helpers/runtime-server.js';

const SIZE = 1_000;
/** What every server must answer alike: a path (or a method and path), and what it got. */
const REFUSED: Array<[method: string, path: string]> = [
  ['GET', '/tiny?size=0'],
  ['GET', '/tiny?size=0x10'],
  ['GET', `/tiny?size=${SIZE + 1}`],
  ['GET', '/tiny?size=1e3'],
  ['GET', '/nope'],
  ['POST', '/tiny'],
];

async function serveOn(runtime: RuntimeName): Promise<Array<{ status: number; body: string }>> {
  const server = await startServerOn(
    runtime,
    serverSpecFor(runtime, 'tiny-suite.js', { size: SIZE, maxRequestSize: SIZE, strategy: BUSY_MACHINE_POOL }),
  );
  const base = `http://127.0.0.1:${server.port}`;
  try {
    await server.measureStart();
    const task = await fetch(`${base}/tiny?size=${SIZE}`);
    assert.equal(task.status, 200, `${runtime}: ${await task.clone().text()}`);
    // tiny's inputs are size + seed % 3: the sum below one of those.
    const sums = [0, 1, 2].map((k) => ((SIZE + k) * (SIZE + k - 1)) / 2);
    assert.ok(sums.includes(((await task.json()) as { output: number }).output), `${runtime}: a verified output`);
    for (const path of ['/health', '/noop']) assert.equal((await fetch(`${base}${path}`)).status, 200, `${runtime} ${path}`);
    const refused = [];
    for (const [method, path] of REFUSED) {
      const response = await fetch(`${base}${path}`, { method });
      refused.push({ status: response.status, body: await response.text() });
    }
    const { counters } = await server.measureStop();
    assert.deepEqual(
      { answered: counters.answered, health: counters.health, noop: counters.noop, badRequests: counters.badRequests },
      { answered: 1, health: 1, noop: 1, badRequests: REFUSED.length },
      runtime,
    );
    return refused;
  } finally {
    await server.stop();
  }
}

test('Bun and Deno servers answer a task, /health and /noop, and refuse what the Node server refuses, alike', async (t) => {
  const node = await serveOn('node');
  assert.deepEqual(
    node.map((r) => r.status),
    [400, 400, 400, 400, 404, 405],
  );
  for (const runtime of ['bun', 'deno'] as const) {
    await t.test(runtime, async (st) => {
      const missing = missingRuntime(runtime);
      if (missing !== undefined) return st.skip(missing);
      assert.deepEqual(await serveOn(runtime), node);
    });
  }
});
