/**
 * The one CellSpec builder (runners/orchestrate/launch-cell.ts): every setting the run
 * records reaches the cell, and the request's own depth and heap are folded into the config
 * the results file records, so what ran and what is recorded cannot drift apart.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAPABILITY_NAMES, type RuntimeProbe } from '../../runners/contract/capabilities.js';
import type { RunConfig } from '../../runners/contract/results.js';
import { CELL_ENTRY_VARIABLE, cellLaunchFor, cellSpecFor } from '../../runners/orchestrate/launch-cell.js';
import type { PlannedRound, ProbedTarget } from '../../runners/orchestrate/plan.js';

const probe: RuntimeProbe = {
  runtime: 'node',
  version: '20.20.2',
  path: '/usr/bin/node',
  capabilities: Object.fromEntries(CAPABILITY_NAMES.map((name) => [name, true])) as RuntimeProbe['capabilities'],
  failures: {},
  workerStartMs: {},
  threadApi: 'worker_threads',
  eventLoopFloorMs: 1,
};
const target: ProbedTarget = { name: 'node', install: { name: 'node', path: '/usr/bin/node', version: '20.20.2' }, probe };
const config: RunConfig = {
  scenario: 'batch',
  suites: ['fib'],
  runtimes: ['node'],
  sizes: { fib: 20 },
  strategies: ['worker-pool'],
  workers: 2,
  workerNice: 0,
  rounds: 3,
  quick: true,
  phaseMs: 250,
  cellTimeoutMs: 60_000,
  seed: 7,
  inFlightPerWorker: 3,
  maxHeapMb: 300,
  transports: ['clone'],
  phases: true,
};
const planned: PlannedRound = {
  key: { scenario: 'batch', suite: 'fib', size: 20, strategy: 'worker-pool', runtime: 'node', workers: 2, transport: 'clone' },
  suiteUrl: 'file:///suites/fib.js',
  round: 2,
};

test('the spec carries the round, the transport, phases, depth, heap and payload figures', () => {
  const spec = cellSpecFor({ config, planned, target, outcomePath: '/tmp/scratch/cell-4.json', payloadFigures: true });
  assert.deepEqual(spec, {
    suiteUrl: 'file:///suites/fib.js',
    suite: 'fib',
    size: 20,
    strategy: 'worker-pool',
    workers: 2,
    workerNice: 0,
    thread: { api: 'worker_threads', smol: false, heapMb: 300 },
    eventLoopMethod: 'histogram',
    eventLoopFloorMs: 1,
    round: 2,
    seed: 7,
    phaseMs: 250,
    inFlightPerWorker: 3,
    transport: 'clone',
    payloadFigures: true,
    phases: true,
    outcomePath: '/tmp/scratch/cell-4.json',
  });
});

test("the command line gets the side's cell entry and read folders, the heap flag, and the test hook's entry", () => {
  const round = {
    config,
    planned,
    target,
    outcomePath: '/tmp/scratch/round-1.json',
    code: { cellEntry: '/base/dist/runners/cell/cell-entry.js', readDirs: ['/base'] },
  };
  const saved = process.env[CELL_ENTRY_VARIABLE];
  try {
    delete process.env[CELL_ENTRY_VARIABLE];
    const launch = cellLaunchFor(round, cellSpecFor(round));
    assert.equal(launch.command, '/usr/bin/node');
    assert.deepEqual(launch.args.slice(0, 2), ['--max-old-space-size=300', '/base/dist/runners/cell/cell-entry.js']);
    process.env[CELL_ENTRY_VARIABLE] = '/fake/cell.js';
    assert.equal(cellLaunchFor(round, cellSpecFor(round)).args[1], '/fake/cell.js');
  } finally {
    if (saved === undefined) delete process.env[CELL_ENTRY_VARIABLE];
    else process.env[CELL_ENTRY_VARIABLE] = saved;
  }
});
