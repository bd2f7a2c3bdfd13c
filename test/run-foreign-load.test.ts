import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import os from 'node:os';
import { test } from 'node:test';
import type { CompletedCell } from '../runners/contract/results.js';
import { type CliResult, fixture, readResults, runCli, tempDir } from './helpers/cli.js';

// Busy loops outside the harness's process tree (siblings of the CLI, not its children),
// one per two cores so they take about half the machine on any core count: the run must
// record the CPU they took and say which cell they skewed.
function burnCpu(): () => void {
  const count = Math.max(1, Math.floor(os.availableParallelism() / 2));
  const burners = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return () => {
    for (const burner of burners) burner.kill('SIGKILL');
  };
}

test('bench run records the CPU other processes took during each round and warns about the skewed cell', {
  skip: process.platform !== 'linux',
}, async () => {
  const out = tempDir();
  const stop = burnCpu();
  let result: CliResult;
  try {
    result = await runCli([
      'run',
      '--suite',
      fixture('tiny-suite.js'),
      '--strategies',
      'main-thread',
      '--rounds',
      '1',
      '--phase-time',
      '300',
      '--out',
      out,
    ]);
  } finally {
    stop();
  }
  assert.equal(result.code, 0, result.stderr);
  const run = readResults(out);
  const cell = run.cells[0] as CompletedCell;
  const share = cell.rounds[0]?.foreignCpuShare ?? 0;
  // About half the machine, never the cell's own work.
  assert.ok(share > 0.2 && share <= 1, `foreign share ${share}`);
  const warning = run.warnings.find((w) => w.kind === 'machine-load' && w.cell?.strategy === 'main-thread');
  assert.ok(warning, JSON.stringify(run.warnings));
  assert.match(warning.message, /other processes used \d+ % of the machine's CPU during round 1/);
  assert.match(result.stdout + result.stderr, /other processes used/);
});
