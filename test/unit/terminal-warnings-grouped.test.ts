import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MeasurementWarning, RunResult } from '../../runners/contract/results.js';
import { renderWarningLines } from '../../reports/terminal/warning-lines.js';
import { nodeResults } from '../fixtures/results-node.js';

const load = (strategy: string, runtime: string, share: number): MeasurementWarning => ({
  kind: 'machine-load',
  message: `fib × ${strategy}: other processes used ${share} % of the machine's CPU during round 1`,
  hint: 'stop the other load and re-run',
  cell: { suite: 'fib', size: 27, strategy, runtime },
});

test('a kind raised for many cells prints once, with the cells it affects and their runtime', () => {
  const strategies = ['worker-pool', 'worker-per-task', 'process-pool'];
  const warnings = ['node', 'bun'].flatMap((runtime) => strategies.map((s, i) => load(s, runtime, 40 + i)));
  const cells = [...nodeResults.cells, ...nodeResults.cells.map((cell) => ({ ...cell, runtime: 'bun' }))];
  const lines = renderWarningLines({ ...nodeResults, cells, warnings } as RunResult);
  assert.equal(lines.length, 3, lines.join('\n'));
  assert.match(lines[0]!, /^! machine-load \(6×\): fib\(27\) · worker-pool on node: other processes used 40 %/);
  assert.match(lines[1]!, /^ {2}affects fib\(27\) on node: .*; fib\(27\) on bun: /);
  assert.equal(lines[2], '  → stop the other load and re-run');
});

test('a kind raised once prints its message and hint as before', () => {
  const lines = renderWarningLines(nodeResults);
  assert.deepEqual(lines.slice(0, 2), [`! ${nodeResults.warnings[0]!.message}`, `  → ${nodeResults.warnings[0]!.hint}`]);
});
