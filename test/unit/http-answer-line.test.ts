/**
 * `bench http`'s answer, from fixtures: per runtime, which strategy serves the most requests
 * per second, at what latency, how long /health waited beside it and beside main-thread, in the
 * words of `bench run`'s answer; across runtimes, which serves most. The same line heads the
 * HTML report.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderRunAnswer } from '../../reports/terminal/study-table.js';
import { answerLines } from '../../reports/html/answer-section.js';
import { httpCell, httpRun } from '../fixtures/http-results.js';

const result = httpRun([
  httpCell({ runtime: 'node', strategy: 'main-thread', workers: 1, perSec: 4, p99Ms: 4_800, healthP99Ms: 2_400 }),
  httpCell({ runtime: 'node', strategy: 'worker-pool', workers: 2, perSec: 8, p99Ms: 2_600, healthP99Ms: 3 }),
  httpCell({ runtime: 'bun', strategy: 'main-thread', workers: 1, perSec: 5, p99Ms: 4_000, healthP99Ms: 2_000 }),
  httpCell({ runtime: 'bun', strategy: 'worker-pool', workers: 2, perSec: 9.4, p99Ms: 2_200, healthP99Ms: 2 }),
  httpCell({ runtime: 'bun', strategy: 'process-pool', workers: 2, perSec: 9, p99Ms: 2_300, healthP99Ms: 4, peakRssMb: 160 }),
]);

test('the HTTP answer names, per runtime, the winner, its req/s and latency, and /health beside it and beside main-thread', () => {
  const text = renderRunAnswer(result);
  const lines = text.split('\n').filter((line) => line.startsWith('  '));
  assert.equal(lines.length, 3, text);
  const [node, bun, across] = lines as [string, string, string];
  assert.match(node, /^ {2}fib\(30\) on node on 2 cores: worker-pool wins \(2\.00×/);
  assert.match(
    node,
    /worker-pool serves 8\.00 req\/s at p50 1,300 ms, p99 2,600 ms \(main-thread: 4\.00 req\/s at p50 2,400 ms, p99 4,800 ms\)/,
  );
  assert.match(node, /\/health waited p99 3 ms beside it vs 2,400 ms beside main-thread\.$/);
  // The words of bench run's answer: who is next, what the winner costs.
  assert.match(bun, /^ {2}fib\(30\) on bun on 2 cores: worker-pool wins \(1\.88×, ahead of process-pool \(1\.80×\)/);
  assert.match(bun, /worker-pool uses 100 MiB less memory than process-pool/);
  assert.match(bun, /one window each: no intervals, so a small gap may be noise and no tie can be told/);
  assert.doesNotMatch(bun, /beyond the intervals/, 'one window has no interval to be beyond');
  assert.match(
    across,
    /^ {2}fib\(30\) across runtimes: bun serves the most, 9\.40 req\/s .* with worker-pool; then node 8\.00 req\/s \(worker-pool\)\.$/,
  );
  assert.deepEqual(
    answerLines(result),
    lines.map((line) => line.slice(2)),
    'the HTML report opens with the same lines',
  );
});

test('a server with more workers than cores is named with its count and marked oversubscribed', () => {
  const line = renderRunAnswer(
    httpRun([
      httpCell({ runtime: 'bun', strategy: 'main-thread', workers: 1, perSec: 0.39, p99Ms: 50_000, healthP99Ms: 25_000 }),
      httpCell({ runtime: 'bun', strategy: 'worker-pool', workers: 2, perSec: 0.75, p99Ms: 27_000, healthP99Ms: 3 }),
      httpCell({ runtime: 'bun', strategy: 'worker-pool', workers: 30, perSec: 0.8, p99Ms: 26_000, healthP99Ms: 3 }),
    ]),
  );
  assert.match(line, /fib\(30\) on bun on 2 cores: worker-pool ×30\* wins \(2\.05×, ahead of worker-pool ×2 \(1\.92×\)/);
  assert.match(line, /\(\* more workers than the 2 cores: oversubscribed, they time-slice the cores\)\.$/m);
});
