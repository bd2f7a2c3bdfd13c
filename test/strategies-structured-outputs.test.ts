/**
 * What real code returns crosses every strategy and every transport, verified: a js-yaml-like
 * document (nested arrays and records with nulls, holes, undefined, a Map, a Set, a Date and
 * bigints, in the input too) and an acorn-like tree of class instances, which every strategy
 * compares by its own data and warns about once, since its prototype stays behind.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHOOSABLE_TRANSPORTS, RUN_STRATEGY_NAMES } from '../runners/contract/strategies.js';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

test('structured outputs and class instances come back verified from every strategy and transport', async () => {
  const out = tempDir();
  const suites = `${fixture('structured-outputs-suite.js')},${fixture('class-outputs-suite.js')}`;
  const args = [
    'run',
    '--suite',
    suites,
    '--strategies',
    RUN_STRATEGY_NAMES.join(','),
    '--transport',
    CHOOSABLE_TRANSPORTS.join(','),
    '--rounds',
    '1',
    '--phase-time',
    '30',
  ];
  const result = await runCli([...args, '--no-report', '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const run = readResults(out);
  const transports = new Set(run.cells.map((cell) => cell.transport));
  for (const transport of CHOOSABLE_TRANSPORTS) assert.ok(transports.has(transport), `a cell went by ${transport}`);
  for (const cell of run.cells) {
    assert.equal(cell.status, 'completed', `${cell.suite} × ${cell.strategy} via ${cell.transport}: ${JSON.stringify(cell).slice(0, 400)}`);
    assert.equal(cell.verified, true);
  }
  for (const suite of ['structured-outputs', 'class-outputs']) {
    const strategies = new Set(run.cells.filter((cell) => cell.suite === suite).map((cell) => cell.strategy));
    assert.deepEqual([...strategies].sort(), [...RUN_STRATEGY_NAMES].sort(), `${suite} ran on every strategy`);
  }
  const classWarnings = run.warnings.filter((warning) => warning.kind === 'class-output');
  assert.equal(classWarnings.length, 1, 'one warning for the suite that returns class instances, none for the other');
  assert.match(classWarnings[0]!.message, /^class-outputs: run\(\) returns an instance of Node \(at the top\)/);
});
