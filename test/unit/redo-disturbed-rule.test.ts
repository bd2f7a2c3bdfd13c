/**
 * Which rounds are redone, on rounds with interference injected: a round above the threshold
 * is redone with the reason, one below is kept; where interference is unknown the machine's
 * foreign share decides; a round is tried at most three times, a run redoes at most half its
 * rounds, and after three redos in a row that came back disturbed the machine is taken as busy
 * until a quiet round says otherwise.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DisturbedRounds } from '../../runners/orchestrate/redo-disturbed.js';
import type { RoundSample } from '../../runners/contract/results.js';
import { roundsCell } from '../fixtures/round-cells.js';

const base = roundsCell('worker-pool', [200]).rounds[0]!;
const cpu = { onCpuMs: 100, cpuMsPerTask: 1, foreignCpuMs: 50, threadOnCpuMs: 100, waitingMs: 40, threads: 3 };
const withInterference = (interference: number | null, foreignCpuShare: number | null = 0): RoundSample => ({
  ...base,
  foreignCpuShare,
  cpu: { ...cpu, interference },
});
const quiet = withInterference(0.001);
const busy = withInterference(0.3);

test('above the threshold a round is redone and says why; below, kept', () => {
  const rule = new DisturbedRounds(0.05, 20);
  assert.deepEqual(rule.judge('a', 1, busy), { redo: true, reason: 'interference 30 % > 5 %' });
  assert.deepEqual(rule.judge('b', 1, quiet), { redo: false });
});

test('without interference (a runtime that cannot tell) the foreign CPU share decides', () => {
  const rule = new DisturbedRounds(0.05, 20);
  const judged = rule.judge('a', 1, withInterference(null, 0.2));
  assert.equal(judged.redo, true);
  assert.match(judged.redo ? judged.reason : '', /other programs used 20 % of the CPU/);
  assert.deepEqual(rule.judge('b', 1, withInterference(null, 0.01)), { redo: false });
});

test('a round is tried at most three times, then kept as measured and counted', () => {
  const rule = new DisturbedRounds(0.05, 20);
  assert.equal(rule.judge('a', 1, busy).redo, true);
  assert.equal(rule.judge('a', 1, busy).redo, true);
  assert.deepEqual(rule.judge('a', 1, busy), { redo: false, keptDisturbed: 'interference 30 % > 5 %' });
  assert.equal(rule.redone, 2);
  assert.equal(rule.keptDisturbed, 1);
});

test('a run redoes at most half its planned rounds', () => {
  const rule = new DisturbedRounds(0.05, 4);
  const redone = ['a', 'b', 'c', 'd'].map((id) => rule.judge(id, 1, busy).redo);
  assert.deepEqual(redone, [true, true, false, false]);
});

test('three redos in a row disturbed again: rounds are kept until one comes back quiet', () => {
  const rule = new DisturbedRounds(0.05, 100);
  rule.judge('a', 1, busy);
  rule.judge('a', 1, busy); // again 1
  rule.judge('b', 1, busy);
  rule.judge('b', 1, busy); // again 2
  rule.judge('c', 1, busy);
  rule.judge('c', 1, busy); // again 3: given up
  assert.equal(rule.judge('d', 1, busy).redo, false);
  rule.judge('e', 1, quiet);
  assert.equal(rule.judge('f', 1, busy).redo, true);
});
