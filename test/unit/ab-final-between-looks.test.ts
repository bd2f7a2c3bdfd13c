/**
 * --max-time can end a cell between planned looks. Then, and only then, the rule looks at
 * the pairs it has, spending what the next planned look would have; before that, a count
 * between looks decides nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideCell } from '../../reports/decide/ab/decide.js';
import { rng, rulesFor, simulatePair } from '../helpers/ab-simulate.js';

test('between planned looks: no verdict unless final, and a final look uses the next look', () => {
  const rules = rulesFor(30); // looks 8, 12, 16, 20, 25, 30
  assert.deepEqual(rules.looks, [8, 12, 16, 20, 25, 30]);
  const random = rng(0xf1);
  const noise = { round: 0.25, latency: 0.25, drift: 0.1, order: 0 };
  const rounds = Array.from({ length: 13 }, (_, pair) => simulatePair(random, pair, { throughput: 1, p50: 1 }, noise, pair * 2)).flat();

  const open = decideCell(rounds, rules, false);
  assert.equal(open.verdict, null);
  assert.equal(open.decisions.throughput?.verdict, null);
  assert.equal(open.decisions.throughput?.pairs, 13, 'the figures so far are shown');

  const final = decideCell(rounds, rules, true);
  assert.equal(final.verdict, 'inconclusive');
  assert.equal(final.decisions.throughput?.pairs, 13);
  assert.equal(final.decisions.throughput?.look, 3, 'the third planned look (16 pairs) lent its α');
  assert.ok(final.decisions.throughput?.interval !== null);
});

test('too few pairs for any interval: no bound, and inconclusive only when final', () => {
  const rules = rulesFor(30);
  const random = rng(0xf2);
  const rounds = Array.from({ length: 3 }, (_, pair) =>
    simulatePair(random, pair, { throughput: 0.5, p50: 2 }, { round: 0.01, latency: 0.01, drift: 0, order: 0 }, pair * 2),
  ).flat();
  assert.equal(decideCell(rounds, rules, false).verdict, null);
  const final = decideCell(rounds, rules, true);
  assert.equal(final.decisions.throughput?.interval, null);
  assert.equal(final.verdict, 'inconclusive');
});
