import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createProgress } from '../runners/orchestrate/progress.js';
import { executeRun } from '../runners/orchestrate/run.js';
import { probeRuntime } from '../runners/runtimes/probe.js';
import { locateRuntime } from '../runners/runtimes/locate.js';
import { fixture, tempDir } from './helpers/cli.js';

test('a strategy the runtime cannot run is a skipped cell with the reason, and nothing is spawned for it', async () => {
  const install = locateRuntime('node', {});
  const real = await probeRuntime(install);
  // A runtime without fork + IPC, as the probe would report it.
  const probe = { ...real, capabilities: { ...real.capabilities, forkIpc: false }, failures: { forkIpc: 'fork is not implemented' } };
  const out = tempDir();
  const { result } = await executeRun(
    {
      suites: [{ name: 'tiny', url: pathToFileURL(fixture('tiny-suite.js')).href, size: 1000 }],
      config: {
        scenario: 'batch',
        suites: ['tiny'],
        sizes: { tiny: 1000 },
        strategies: ['main-thread', 'process-pool'],
        workers: 2,
        workerNice: 0,
        rounds: 1,
        quick: true,
        phaseMs: 30,
        cellTimeoutMs: 60_000,
        seed: 1,
        runtimes: ['node'],
      },
      runtimes: [{ name: 'node', install, probe }],
      commandLine: [],
      resultsPath: (runId) => `${out}/${runId}.json`,
    },
    (rounds) => {
      assert.equal(rounds.length, 1, 'only the runnable cell is planned');
      return createProgress(rounds, { quiet: true });
    },
    new AbortController().signal,
  );

  const [main, pool] = result.cells;
  assert.equal(main?.status, 'completed');
  assert.equal(pool?.status, 'skipped');
  if (pool?.status === 'skipped') assert.match(pool.reason, /lacks child_process\.fork with an IPC channel \(fork is not implemented\)/);
});
