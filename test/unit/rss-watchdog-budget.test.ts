/**
 * The memory watchdog's budget: each host (the cell and each worker or child) may hold its
 * --max-heap plus a fixed allowance; a cell trips it only past the sum, once, and its reason
 * names the heap, what the cell reached, and the fix.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HOST_ALLOWANCE_MIB, memoryBudget, RssWatchdog } from '../../runners/orchestrate/rss-watchdog.js';

const MIB = 2 ** 20;

test('the watchdog trips once, only past (workers + 1) × (heap + allowance), and names the heap', () => {
  const budget = memoryBudget(512, 2);
  assert.equal(budget.bytes, 3 * (512 + HOST_ALLOWANCE_MIB) * MIB);
  const watchdog = new RssWatchdog(budget);
  assert.equal(watchdog.exceeded({ bytes: budget.bytes, processes: 3 }), false, 'at the budget is inside it');
  assert.equal(watchdog.reason, undefined);
  assert.equal(watchdog.exceeded({ bytes: budget.bytes + 40 * MIB, processes: 3 }), true);
  assert.equal(watchdog.exceeded({ bytes: budget.bytes + 80 * MIB, processes: 3 }), false, 'the cell is ended once');
  assert.equal(
    watchdog.reason,
    `cell process was ended by bench: ran out of its 512 MiB heap (peak RSS ${3 * (512 + HOST_ALLOWANCE_MIB) + 40} MiB across 3 processes, over the budget of 3 × (512 + ${HOST_ALLOWANCE_MIB}) = ${3 * (512 + HOST_ALLOWANCE_MIB)} MiB for the cell and its 2 workers); raise --max-heap if the suite needs more`,
  );
});
