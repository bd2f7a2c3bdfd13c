/**
 * A cell's fingerprint holds the version of the runtime that hosted it, as the run's probe
 * recorded it: a Bun upgrade makes Bun's cells incomparable, while the Node cells of the
 * same runs (the CLI's Node unchanged) are still judged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../reports/decide/compare/compare-metric.js';
import { compareRuns } from '../../reports/decide/compare/compare.js';
import type { RunResult } from '../../runners/contract/results.js';
import type { RuntimeProbe } from '../../runners/contract/capabilities.js';
import { roundsCell, runOf, scaled, STEADY } from '../fixtures/round-cells.js';

function runWithBun(bunVersion: string, bunFactor: number): RunResult {
  const run = runOf([roundsCell('worker-pool', STEADY), { ...roundsCell('worker-pool', scaled(bunFactor)), runtime: 'bun' }]);
  const probe = (runtime: string, version: string): RuntimeProbe => ({ runtime, version }) as RuntimeProbe;
  return {
    ...run,
    context: { ...run.context, runtimes: { node: probe('node', run.context.runtime.version), bun: probe('bun', bunVersion) } },
  };
}

test('a new Bun version makes the Bun cells incomparable, not the Node cells', () => {
  const comparison = compareRuns(
    { file: 'old.json', run: runWithBun('1.4.5', 1) },
    { file: 'new.json', run: runWithBun('1.5.0', 0.7) },
    { ...DEFAULT_SETTINGS, normalize: false },
  );
  const byRuntime = new Map(comparison.cells.map((cell) => [cell.runtime, cell]));
  assert.equal(byRuntime.get('bun')?.verdict, 'incomparable');
  assert.match(byRuntime.get('bun')?.reason ?? '', /bun 1\.4\.5 vs bun 1\.5\.0/);
  assert.equal(byRuntime.get('node')?.verdict, 'unchanged');
});
