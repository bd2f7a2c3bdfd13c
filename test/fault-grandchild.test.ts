/**
 * Fault matrix: helpers that outlive their task — one in the host's process group, one
 * detached in a session of its own. Both are ended when the cell ends; the detached ones,
 * which no group kill reaches, are reported with their PIDs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertContained, runFault } from './helpers/fault-matrix.js';

test('processes a suite leaves behind are ended with the cell, and the detached ones are named by PID', {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFault('faults/grandchild.js', { withHealthy: false });
  assertContained(result, () => 'completed');
  const reports = result.stderr
    .split('\n')
    .filter((line) => /^bench: the cell left \d+ process(es)? running outside its process group: \d+ \(sleep\)/.test(line));
  assert.equal(reports.length, 6, `one report per strategy:\n${result.stderr}`);
  for (const line of reports) assert.match(line, /; killed$/);
});
