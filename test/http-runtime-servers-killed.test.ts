/**
 * A Bun and a Deno server are ended with their whole process group: a cluster server whose
 * processes spin in a task forever cannot shut down on its own, and after the grace period
 * the harness kills its group — primary and every server process gone, as on Node.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { alive, descendants } from './helpers/processes.js';
import { missingRuntime } from './helpers/round-trip.js';
import { serverSpecFor, startServerOn } from './helpers/runtime-server.js';
import { waitUntil } from './helpers/wait.js';

for (const runtime of ['bun', 'deno'] as const) {
  test(`a ${runtime} cluster server hung in its tasks is killed with its process group`, {
    skip: process.platform !== 'linux' ? 'reads /proc' : missingRuntime(runtime),
  }, async () => {
    const server = await startServerOn(runtime, serverSpecFor(runtime, 'hang-suite.js', { size: 1, strategy: 'cluster', maxQueue: 4 }));
    const seen = new Set<number>([server.pid]);
    const requests = new AbortController();
    try {
      // The primary and both server processes at least (the supervisor's shell is the group's leader).
      await waitUntil(() => {
        for (const pid of descendants(server.pid)) seen.add(pid);
        return seen.size >= 4;
      }, `the ${runtime} primary and its two server processes`);
      // Each connection lands on one process: a few of them leave both spinning.
      for (let i = 0; i < 4; i++) void fetch(`http://127.0.0.1:${server.port}/hang`, { signal: requests.signal }).catch(() => {});
      await sleep(500);
      for (const pid of descendants(server.pid)) seen.add(pid);
    } finally {
      await server.stop();
      requests.abort();
    }
    await waitUntil(() => ![...seen].some(alive), 'every process of the server to end', { timeoutMs: 10_000 }).catch(() => {});
    const survivors = [...seen].filter(alive);
    for (const pid of survivors) process.kill(pid, 'SIGKILL');
    assert.deepEqual(survivors, [], `no process of the ${runtime} server survives its stop`);
  });
}
