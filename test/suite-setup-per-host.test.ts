/**
 * A suite's setup() runs once in every host before its first task, under every strategy —
 * bench's six and the three peer pools — outside the tasks' timed region, and the results
 * file records what it took beside start-up. The fixture leaves a file per host as it sets up
 * and another at its first task; its run() refuses to run in a host not set up exactly once.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResults } from '../reports/load-results.js';
import { ALL_STRATEGY_NAMES, peerPackageOf, strategyFacts } from '../runners/contract/strategies.js';
import { fixture, tempDir } from './helpers/cli.js';
import { BUILT_IN_STRATEGIES, errorOf, runSuites } from './helpers/fault-matrix.js';
import { SETUP_SLEEP_MS } from './fixtures/setup-suite.js';

/** One strategy per peer library (the one named after it). */
const PEERS = ALL_STRATEGY_NAMES.filter((name) => peerPackageOf(name) === name);
const STRATEGIES = [...BUILT_IN_STRATEGIES, ...PEERS];
/** setTimeout may fire up to a millisecond early; the floor a setup's figure cannot be under. */
const SETUP_FLOOR_MS = SETUP_SLEEP_MS - 2;

test('setup() runs once per host before its first task under every strategy, and its time is recorded', {
  skip: process.platform !== 'linux',
}, async () => {
  assert.equal(PEERS.length, 3, `the three peer libraries: ${PEERS.join(', ')}`);
  const traces = tempDir('bench-setup-trace-');
  const result = await runSuites([fixture('setup-suite.js')], {
    strategies: STRATEGIES,
    extraArgs: ['--workers', '2', '--cell-timeout', '60'],
    env: { BENCH_FIXTURE_SETUP_DIR: traces },
  });
  assert.equal(result.code, 0, result.stderr.slice(-3000));
  const files = readdirSync(result.out).filter((name) => name.endsWith('.json'));
  assert.equal(files.length, 1, result.stderr.slice(-2000));
  const run = await loadResults(join(result.out, files[0]!));

  for (const strategy of STRATEGIES) {
    const cell = run.cells.find((c) => c.strategy === strategy);
    assert.equal(cell?.status, 'completed', `${strategy}: ${errorOf(cell)}`);
    if (cell?.status !== 'completed' || cell.scenario !== 'batch') continue;
    const [round] = cell.rounds;
    const setups = round?.setupSamplesMs ?? [];
    const facts = strategyFacts(strategy)!;
    if (facts.kind === 'main') {
      assert.equal(setups.length, 1, `${strategy}: the cell's own thread is its one host`);
      assert.equal(cell.startupMs, null);
    } else {
      // Each worker or child started (per task, for the per-task strategies) set up before it was ready.
      assert.equal(setups.length, round!.startupSamplesMs.length, `${strategy}: one setup per host started`);
      assert.ok(cell.startupMs! >= cell.setupMs!, `${strategy}: start-up ${cell.startupMs} ms holds setup ${cell.setupMs} ms`);
    }
    assert.ok(cell.setupMs !== undefined && cell.setupMs >= SETUP_FLOOR_MS, `${strategy}: setupMs ${cell.setupMs}`);
    if (facts.perTask) {
      // A fresh host per task sets up again: its setup is in the task's spawn, visible in its latency.
      assert.ok(cell.latency.p50Ms >= SETUP_FLOOR_MS, `${strategy}: p50 ${cell.latency.p50Ms} ms holds a spawn's setup`);
    } else {
      // A long-lived host set up before its first task: no task's time holds it.
      assert.ok(cell.latency.p50Ms < cell.setupMs!, `${strategy}: p50 ${cell.latency.p50Ms} ms vs setup ${cell.setupMs} ms`);
    }
  }

  // Every host that ran a task had set up, once; none set up twice.
  const names = readdirSync(traces);
  const setUp = new Map(
    names
      .filter((name) => name.startsWith('setup-'))
      .map((name) => [name.slice('setup-'.length), readFileSync(join(traces, name), 'utf8')]),
  );
  const tasked = names.filter((name) => name.startsWith('task-')).map((name) => name.slice('task-'.length));
  assert.ok(tasked.length >= STRATEGIES.length, `${tasked.length} hosts ran tasks`);
  for (const host of tasked) assert.ok(setUp.has(host), `host ${host} ran a task without setup`);
  for (const [host, count] of setUp) assert.equal(count, '1', `host ${host} set up ${count} times`);
  // And only hosts that ran tasks set up: the CLI's suite probe, which only reads the contract, did not.
  assert.deepEqual([...setUp.keys()].sort(), [...tasked].sort(), 'every host that set up ran a task');
});
