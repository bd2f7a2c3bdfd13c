/**
 * The one plan of `bench run`, `bench study` and `bench ab` (runners/orchestrate/plan.ts
 * planRun): every planned cell once with its skip reason, a missing runtime's and an
 * unsupported strategy's cells skipped, and only the others' rounds left to run.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAPABILITY_NAMES, type RuntimeProbe } from '../../runners/contract/capabilities.js';
import { planRun, type RuntimeTarget } from '../../runners/orchestrate/plan.js';

// A runtime without fork + IPC, as the probe would report it.
const probe: RuntimeProbe = {
  runtime: 'node',
  version: '20.20.2',
  path: '/usr/bin/node',
  capabilities: { ...(Object.fromEntries(CAPABILITY_NAMES.map((name) => [name, true])) as RuntimeProbe['capabilities']), forkIpc: false },
  failures: { forkIpc: 'fork is not implemented' },
  workerStartMs: {},
  threadApi: 'worker_threads',
};
const runtimes: RuntimeTarget[] = [
  { name: 'node', install: { name: 'node', path: '/usr/bin/node', version: '20.20.2' }, probe },
  { name: 'deno', missing: 'deno is not installed' },
];
const request = {
  suites: [{ name: 'fib', url: 'file:///fib.js', size: 20 }],
  config: { strategies: ['main-thread', 'worker-pool', 'process-pool'], workers: 2, rounds: 3, seed: 1 },
  runtimes,
};

test('every planned cell once, in order, with why it is skipped; only the runnable ones have rounds', () => {
  const plan = planRun(request);
  const label = (key: { strategy: string; runtime: string }) => `${key.strategy}@${key.runtime}`;
  assert.deepEqual(
    plan.cells.map((cell) => label(cell.key)),
    ['main-thread@node', 'worker-pool@node', 'process-pool@node', 'main-thread@deno', 'worker-pool@deno', 'process-pool@deno'],
  );
  const skips = Object.fromEntries(plan.cells.map((cell) => [label(cell.key), cell.skip]));
  assert.equal(skips['main-thread@node'], undefined);
  assert.equal(skips['worker-pool@node'], undefined);
  assert.match(skips['process-pool@node'] ?? '', /lacks child_process\.fork with an IPC channel \(fork is not implemented\)/);
  assert.equal(skips['worker-pool@deno'], 'deno is not installed');

  assert.equal(plan.runnable.length, 2 * 3, 'two runnable cells, three rounds each');
  assert.ok(plan.runnable.every((planned) => planned.key.runtime === 'node' && planned.key.strategy !== 'process-pool'));
  assert.deepEqual(
    plan.runnable.map((planned) => planned.round),
    [1, 1, 2, 2, 3, 3],
    'rounds interleaved across the cells',
  );
  assert.equal(plan.targetOf(plan.runnable[0]!.key).name, 'node');
  assert.throws(() => plan.targetOf(plan.cells[3]!.key), /no probed runtime deno/);
});

test('the transports asked for and a workers list make the cells; a one-round plan lists the same cells', () => {
  const plan = planRun({ ...request, config: { ...request.config, transports: ['clone'] }, workersList: [1, 2] }, 1);
  const cells = plan.cells
    .filter((cell) => cell.key.runtime === 'node')
    .map((cell) => `${cell.key.strategy}/${cell.key.transport}×${cell.key.workers}`);
  assert.deepEqual(cells, [
    'main-thread/none×1',
    'worker-pool/clone×1',
    'worker-pool/clone×2',
    'process-pool/json×1',
    'process-pool/json×2',
  ]);
  assert.equal(plan.runnable.length, 3, 'one round of each runnable cell');
});
