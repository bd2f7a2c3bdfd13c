/**
 * The sequential stop rule on seeded simulations: a clear speedup is settled at the first
 * look, a strategy as fast as main-thread is settled as equivalent once enough blocks show
 * it, and looking after every block never lets noise alone call a strategy faster or slower
 * more often than the false-alarm budget allows.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupVerdict } from '../../reports/decide/paired/group-verdict.js';
import { unsettledPoints } from '../../reports/decide/paired/stop-rule.js';
import type { CompletedCell } from '../../runners/contract/results.js';
import { simulateBlocks } from '../fixtures/simulated-blocks.js';

const config = { rounds: 6, maxRounds: 30 };
const plan = { firstLook: 6, maxBlocks: 30 };
const firstBlocks = (cells: CompletedCell[], n: number): CompletedCell[] =>
  cells.map((cell) => ({ ...cell, rounds: cell.rounds.filter((round) => round.round <= n) }));

/** The blocks a sequential run makes before the rule stops it (or maxRounds). */
function blocksToSettle(cells: CompletedCell[]): number {
  for (let n = config.rounds; n < config.maxRounds; n++) if (unsettledPoints(firstBlocks(cells, n), config) === 0) return n;
  return config.maxRounds;
}

test('a 1.9× pool and a 0.3× per-task strategy are settled at the first look', () => {
  const cells = simulateBlocks({ seed: 3, blocks: 30, rates: { 'main-thread': 100, 'worker-pool': 190, 'worker-per-task': 30 } });
  assert.equal(blocksToSettle(cells), 6);
});

test('a strategy as fast as main-thread is unsettled at first, then shown equivalent within the margin', () => {
  const cells = simulateBlocks({ seed: 1, blocks: 30, rates: { 'main-thread': 100, 'shared-memory': 100 }, noise: 0.08 });
  const blocks = blocksToSettle(cells);
  assert.ok(blocks > 6 && blocks < 30, `settled after ${blocks} blocks`);
  const verdict = groupVerdict(firstBlocks(cells, blocks), plan)!;
  assert.equal(verdict.entries[0]!.standing, 'equivalent');
});

test('noise alone, looked at after every block, calls a strategy faster or slower in at most 5 % of runs', () => {
  let alarms = 0;
  const runs = 600;
  for (let seed = 1; seed <= runs; seed++) {
    const cells = simulateBlocks({ seed, blocks: 30, rates: { 'main-thread': 100, 'worker-pool': 100 }, busy: [0.5, 1], noise: 0.2 });
    const blocks = blocksToSettle(cells);
    const { standing } = groupVerdict(firstBlocks(cells, blocks), plan)!.entries[0]!;
    if (standing === 'faster' || standing === 'slower') alarms++;
  }
  assert.ok(alarms / runs <= 0.05, `${alarms} false alarms in ${runs} runs`);
});
