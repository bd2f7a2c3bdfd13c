import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { HTTP_STRATEGY_NAMES, type ServerSpec } from '../runners/contract/http-protocol.js';
import { startServer } from '../runners/http/harness/server-process.js';
import tiny from './fixtures/tiny-suite.js';
import { fixture } from './helpers/cli.js';

const SIZE = 1_000;

for (const strategy of HTTP_STRATEGY_NAMES) {
  test(`the ${strategy} server answers GET /<suite> with verified outputs, and /health from its main thread`, async () => {
    const spec: ServerSpec = {
      suiteUrl: pathToFileURL(fixture('tiny-suite.js')).href,
      size: SIZE,
      strategy,
      workers: 2,
      workerNice: 0,
      maxQueue: 16,
      seed: 1,
    };
    const server = await startServer(spec, 20_000);
    const base = `http://127.0.0.1:${server.port}`;
    try {
      await server.measureStart();
      // Four requests at once: every distinct input of the bank, several workers busy.
      const answers = await Promise.all(
        [0, 1, 2, 3].map(async () => {
          const response = await fetch(`${base}/tiny?size=${SIZE}`);
          return { status: response.status, body: (await response.json()) as { output: number } };
        }),
      );
      for (const { status, body } of answers) {
        assert.equal(status, 200);
        // tiny's inputs are size + seed % 3, for seeds 1..4.
        assert.ok([1, 2, 3].map((k) => tiny.run(SIZE + (k % 3))).includes(body.output), `unexpected output ${body.output}`);
      }
      const defaultSize = (await (await fetch(`${base}/tiny`)).json()) as { size: number };
      assert.equal(defaultSize.size, SIZE, "a request without ?size uses the server's size");
      assert.equal((await fetch(`${base}/health`)).status, 200);
      assert.equal((await fetch(`${base}/tiny?size=0`)).status, 400);
      assert.equal((await fetch(`${base}/nope`)).status, 404);

      const stats = await server.measureStop();
      assert.equal(stats.counters.answered, 5);
      assert.equal(stats.counters.verifiedOutputs, 5);
      assert.equal(stats.counters.wrongOutputs, 0);
      assert.equal(stats.counters.health, 1);
      assert.equal(stats.counters.badRequests, 2);
    } finally {
      await server.stop();
    }
  });
}
