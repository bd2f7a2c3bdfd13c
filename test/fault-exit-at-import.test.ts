/**
 * A suite that calls process.exit(0) at import ends the process that loads it — the suite
 * probe, never the CLI: the run stops with one line naming the suite and why (exit 2), no
 * results on stdout, no results file, nothing left running. Loaded in the CLI, it ended the
 * CLI with exit 0 and no word.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fixture } from './helpers/cli.js';
import { processesMarked, runSuites } from './helpers/fault-matrix.js';

test('process.exit(0) at import: exit 2, one line naming the suite, no results', { skip: process.platform !== 'linux' }, async () => {
  const result = await runSuites([fixture('faults/exit-at-import.js')], { strategies: ['main-thread'], extraArgs: ['--quick'] });
  assert.equal(result.code, 2, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0]!, /^Error: suite \S+faults\/exit-at-import\.js ended the process loading it \(exited with code 0\)/);
  assert.equal(result.stdout, '');
  assert.deepEqual(readdirSync(result.out), []);
  assert.deepEqual(processesMarked(result.marker.needle), []);
});
