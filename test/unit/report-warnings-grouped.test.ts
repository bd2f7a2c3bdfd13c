/**
 * The HTML report lists measurement warnings grouped by kind: one entry per kind, with the
 * cells it affects, each warning's own detail without its repeated "suite × strategy:" lead,
 * and, where a run holds several runtimes, the runtime each cell ran in.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSeries } from '../../reports/charts/series.js';
import { groupWarnings } from '../../reports/format/warning-groups.js';
import { renderWarnings } from '../../reports/html/warnings-section.js';
import type { MeasurementWarning, RunResult } from '../../runners/contract/results.js';
import { strategiesFor } from '../../runners/contract/strategies.js';
import { bunResults } from '../fixtures/results-bun.js';
import { nodeResults } from '../fixtures/results-node.js';

const [first, second] = strategiesFor('run');

/** One file with node's and bun's cells, and the same kind of warning raised for cells of each. */
function twoRuntimes(): RunResult {
  const run = structuredClone(nodeResults);
  run.cells.push(...structuredClone(bunResults.cells));
  run.config.runtimes = ['node', 'bun'];
  const busy = (strategy: string, runtime: string): MeasurementWarning => ({
    kind: 'machine-load',
    message: `fib × ${strategy}: other processes used 80 % of the machine's CPU during round 2`,
    hint: 'stop the other load and re-run',
    cell: { suite: 'fib', size: 27, strategy, runtime },
  });
  run.warnings = [
    { kind: 'few-rounds', message: 'only 2 rounds per cell', hint: 'use --rounds 5' },
    busy(first!, 'node'),
    busy(second!, 'node'),
    busy(first!, 'bun'),
  ];
  return run;
}

test('warnings group by kind, name the cells they affect and the runtime of each', () => {
  const run = twoRuntimes();
  const groups = groupWarnings([run], buildSeries([run]));
  assert.deepEqual(
    groups.map((g) => [g.kind, g.warnings.length]),
    [
      ['few-rounds', 1],
      ['machine-load', 3],
    ],
  );
  const busy = groups[1]!;
  assert.deepEqual(busy.hints, ['stop the other load and re-run'], 'the shared hint once');
  assert.equal(busy.affects.length, 2, `one line per suite and runtime: ${busy.affects.join(' | ')}`);
  assert.match(busy.affects[0]!, new RegExp(`^fib\\(27\\) on node[^:]*: ${first}, ${second}$`));
  assert.match(busy.affects[1]!, new RegExp(`^fib\\(27\\) on bun[^:]*: ${first}$`));
  for (const w of busy.warnings) {
    assert.match(w.where, / on (node|bun)/, 'each cell names its runtime');
    assert.equal(w.detail, "other processes used 80 % of the machine's CPU during round 2", 'without the repeated lead');
  }
});

test('one runtime: cells are not labelled with it; the list has one entry per kind', () => {
  const run = structuredClone(nodeResults);
  const groups = groupWarnings([run], buildSeries([run]));
  for (const g of groups) for (const w of g.warnings) assert.doesNotMatch(w.where, / on node/);
  const html = renderWarnings([run], buildSeries([run]));
  assert.match(html, /^<ul id="warnings" class="warning-groups">/);
  assert.equal(html.match(/<li class="warning-group"/g)?.length, new Set(run.warnings.map((w) => w.kind)).size);
});

test('a kind raised for every strategy of a suite says "every strategy" rather than listing them', () => {
  const run = structuredClone(nodeResults);
  const fib = run.cells.filter((c) => c.suite === 'fib');
  run.warnings = fib.map((cell) => ({
    kind: 'machine-load',
    message: `fib × ${cell.strategy}: busy`,
    hint: 'stop the other load',
    cell: { suite: cell.suite, size: cell.size, strategy: cell.strategy, runtime: cell.runtime },
  }));
  const [group] = groupWarnings([run], buildSeries([run]));
  assert.deepEqual(group?.affects, [`fib(27): every strategy (${fib.length})`]);
});
