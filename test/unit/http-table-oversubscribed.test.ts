/**
 * `bench http --workers 30` on 2 cores, and `--workers-list`: the table marks every worker
 * count above the cores as oversubscribed, as the workers study marks its points, and
 * `--workers-list` adds requests/s against workers per runtime and strategy.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderHttpTable } from '../../reports/terminal/http-table.js';
import { httpCell, httpRun } from '../fixtures/http-results.js';

test('worker counts above the cores are starred in the table, the workers table and the legend', () => {
  const text = renderHttpTable(
    httpRun(
      [
        httpCell({ runtime: 'bun', strategy: 'main-thread', workers: 1, perSec: 0.39, p99Ms: 50_000, healthP99Ms: 25_000 }),
        httpCell({ runtime: 'bun', strategy: 'worker-pool', workers: 1, perSec: 0.4, p99Ms: 49_000, healthP99Ms: 3 }),
        httpCell({ runtime: 'bun', strategy: 'worker-pool', workers: 2, perSec: 0.75, p99Ms: 27_000, healthP99Ms: 3 }),
        httpCell({ runtime: 'bun', strategy: 'worker-pool', workers: 30, perSec: 0.8, p99Ms: 26_000, healthP99Ms: 3 }),
      ],
      {
        workersList: [1, 2, 30],
        noop: [
          {
            runtime: 'bun',
            status: 'completed',
            requests: { perSec: 9000, ok: 45_000, total: 45_000, wallMs: 5000 },
            latency: { meanMs: 2, p50Ms: 2, p90Ms: 3, p99Ms: 4, maxMs: 5, count: 45_000 },
            samples: { latencyMs: [2, 3, 4, 5] },
          },
        ],
      },
    ),
  );
  assert.match(text, /^worker-pool\s+30\*\s+0\.80\s+2\.05×/m);
  assert.match(text, /^worker-pool\s+2\s+0\.75\s/m, 'a count within the cores is not starred');
  assert.match(text, /\* more workers than the 2 cores: oversubscribed/);
  assert.match(text, /^Requests\/s against workers/m);
  assert.match(text, /^strategy\s+1\s+2\s+30\*\s+best vs main-thread$/m);
  assert.match(text, /^main-thread\s+0\.39 \(1\.00×, p99 50\.0s\)$/m);
  assert.match(
    text,
    /^worker-pool\s+0\.40 \(1\.03×, p99 49\.0s\)\s+0\.75 \(1\.92×, p99 27\.0s\)\s+0\.80 \(2\.05×, p99 26\.0s\)\s+2\.05× at 30\*$/m,
  );
  assert.match(text, /^Server alone \(GET \/noop/m);
  assert.match(text, /^ {2}bun {2}9,000 req\/s · p50 2\.00ms · p99 4\.00ms$/m);
});
