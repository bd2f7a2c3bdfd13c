import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makePalette } from '../../reports/charts/palette.js';

test('strategies keep one order and one colour whatever order the results list them in', () => {
  const a = makePalette(['tinypool', 'process-pool', 'main-thread', 'piscina', 'worker-pool']);
  const b = makePalette(['worker-pool', 'piscina', 'main-thread', 'process-pool', 'tinypool']);

  assert.deepEqual(a.order, ['main-thread', 'worker-pool', 'process-pool', 'piscina', 'tinypool']);
  assert.deepEqual(b.order, a.order);
  for (const name of a.order) assert.equal(a.colour(name), b.colour(name), name);
  assert.equal(new Set(a.order.map((name) => a.colour(name))).size, a.order.length, 'every strategy has its own colour');
  assert.equal(a.colour('worker-pool'), makePalette(['worker-pool']).colour('worker-pool'), 'known strategies never change colour');
  assert.ok(a.rank('main-thread') < a.rank('piscina') && a.rank('piscina') < a.rank('not-in-this-report'));
});
