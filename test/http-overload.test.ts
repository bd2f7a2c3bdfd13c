import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readResults, runCli, tempDir } from './helpers/cli.js';

test('bench http past a tiny --max-queue answers 503s, keeps serving, and the run reports them', async () => {
  const out = tempDir();
  // One worker, room for one waiting request, twenty connections: most requests find the queue full.
  const result = await runCli([
    'http',
    '--suite',
    'fib',
    '--size',
    '22',
    '--strategies',
    'worker-pool',
    '--workers',
    '1',
    '--max-queue',
    '1',
    '--connections',
    '20',
    '--duration',
    '1',
    '--warmup',
    '0',
    '--no-health-probe',
    '--out',
    out,
  ]);
  assert.equal(result.code, 0, result.stderr);

  const run = readResults(out);
  assert.equal(run.complete, true);
  const [cell] = run.cells;
  assert.ok(cell && cell.status === 'completed' && cell.scenario === 'http', JSON.stringify(cell));
  assert.ok(cell.errors.overloaded > 0, 'some requests were refused');
  // The server counted every 503 the client saw, plus at most one per connection still in flight when the load stopped.
  const uncounted = cell.server.overloaded - cell.errors.overloaded;
  assert.ok(uncounted >= 0 && uncounted <= 20, `server ${cell.server.overloaded} vs client ${cell.errors.overloaded} 503s`);
  assert.ok(cell.errors.non2xx >= cell.errors.overloaded);
  assert.ok(cell.requests.ok > 0, 'the requests it admitted were answered');
  assert.equal(cell.errors.errors, 0, 'refusals are answers, not dropped connections');
  assert.ok(run.warnings.some((w) => w.kind === 'http-overload'));
  // The table shows the 503 column with the same count.
  assert.match(result.stdout, /503s/);
  assert.match(result.stdout, new RegExp(`^worker-pool .* ${cell.errors.overloaded}\\s+\\S+\\s+—\\s+\\S+ MiB$`, 'm'));
});
