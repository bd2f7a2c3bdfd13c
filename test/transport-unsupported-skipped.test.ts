/**
 * Which transports a runtime supports is the probe's answer: a transport whose capability
 * the probe did not find skips its cell with the reason, while the strategy's other
 * transports still run; a probe recorded before the capability existed reads as lacking it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAPABILITY_NAMES, type RuntimeProbe, unsupportedReason } from '../runners/contract/capabilities.js';
import { aggregateCell } from '../runners/orchestrate/aggregate.js';
import { planRounds } from '../runners/orchestrate/plan.js';
import { transportsToRun } from '../runners/contract/strategies.js';

const probe = (lacking: string[], failures: RuntimeProbe['failures'] = {}): RuntimeProbe => ({
  runtime: 'deno',
  version: '2.9.6',
  path: '/usr/bin/deno',
  capabilities: Object.fromEntries(CAPABILITY_NAMES.map((name) => [name, !lacking.includes(name)])) as RuntimeProbe['capabilities'],
  failures,
  workerStartMs: {},
  threadApi: 'worker_threads',
});

test('a transport the probe did not find is skipped with the reason; the same strategy by another transport runs', () => {
  const without = probe(['forkAdvanced'], { forkAdvanced: 'a Float64Array came back as [object Object]' });
  const reason = unsupportedReason(without, 'process-pool', 'advanced');
  assert.match(
    reason ?? '',
    /^deno 2\.9\.6 lacks child_process\.fork with serialization: 'advanced' .*\(a Float64Array came back as \[object Object\]\)$/,
  );
  assert.equal(unsupportedReason(without, 'process-pool', 'json'), undefined);
  assert.equal(unsupportedReason(without, 'process-pool'), undefined, 'no transport named: the default, json');
  const cell = aggregateCell(
    { scenario: 'batch', suite: 'echo', size: 1024, strategy: 'process-pool', runtime: 'deno', workers: 1, transport: 'advanced' },
    [],
    reason,
  );
  assert.equal(cell.status, 'skipped');
  assert.equal(cell.transport, 'advanced', 'the skipped cell names its transport');
});

test('a probe from before a capability existed reads as lacking it', () => {
  const old = probe([]);
  delete (old.capabilities as Partial<RuntimeProbe['capabilities']>).forkAdvanced;
  assert.match(unsupportedReason(old, 'process-pool', 'advanced') ?? '', /lacks child_process\.fork with serialization: 'advanced'/);
});

test('the plan holds one cell per transport asked for, and the default where none was', () => {
  const plan = planRounds(
    [{ name: 'echo', url: 'file:///echo.js', size: 1024 }],
    ['main-thread', 'worker-pool', 'process-pool'],
    () => 1,
    ['node'],
    1,
    (strategy) => transportsToRun(strategy, ['clone', 'transfer', 'advanced']),
  );
  assert.deepEqual(
    plan.map((p) => `${p.key.strategy}/${p.key.transport}`),
    ['main-thread/none', 'worker-pool/transfer', 'worker-pool/clone', 'process-pool/advanced'],
  );
  const defaults = planRounds(
    [{ name: 'echo', url: 'file:///echo.js', size: 1024 }],
    ['worker-pool', 'process-pool'],
    () => 1,
    ['node'],
    1,
  );
  assert.deepEqual(
    defaults.map((p) => p.key.transport),
    ['transfer', 'json'],
  );
});
