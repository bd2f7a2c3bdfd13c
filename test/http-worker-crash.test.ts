import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import type { ServerSpec } from '../runners/contract/http-protocol.js';
import { startServer } from '../runners/http/harness/server-process.js';
import { fixture } from './helpers/cli.js';

// main-thread and cluster run the task in the server process itself: a crash there ends
// that process (cluster replaces it), so only the pools can answer 500 for it.
const POOLS = ['worker-pool', 'shared-memory', 'process-pool'] as const;

for (const strategy of POOLS) {
  test(`${strategy}: a worker dying mid-request answers 500 for that request, and the server keeps serving`, async () => {
    const spec: ServerSpec = {
      suiteUrl: pathToFileURL(fixture('crashy-http-suite.js')).href,
      size: 5,
      strategy,
      workers: 2,
      workerNice: 0,
      maxQueue: 16,
      seed: 1,
    };
    const server = await startServer(spec, 20_000);
    const url = (size: number): string => `http://127.0.0.1:${server.port}/crashy-http?size=${size}`;
    try {
      await server.measureStart();
      const crashed = await fetch(url(2));
      assert.equal(crashed.status, 500);
      assert.match(((await crashed.json()) as { error: string }).error, /exited with code 7/);
      const threw = await fetch(url(3));
      assert.equal(threw.status, 500);
      assert.match(((await threw.json()) as { error: string }).error, /asked to throw/);

      // Requests during and after the replacement are answered, by the survivor and the new worker.
      const answers = await Promise.all([5, 6, 7, 8].map(async (size) => (await fetch(url(size))).json() as Promise<{ output: number }>));
      assert.deepEqual(
        answers.map((a) => a.output),
        [10, 12, 14, 16],
      );
      let stats = await server.measureStop();
      // The replacement may still be starting: wait (bounded) until it reports ready.
      for (let i = 0; i < 100 && stats.startupSamplesMs.length < 3; i++) {
        await sleep(20);
        stats = await server.measureStop();
      }
      assert.equal(stats.startupSamplesMs.length, 3, 'two workers plus one replacement');
      assert.equal(stats.counters.failed, 2);
      assert.equal(stats.counters.answered, 4);
    } finally {
      await server.stop();
    }
  });
}
