import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletedCell } from '../runners/contract/results.js';
import type { Crossover, StudyRunResult } from '../runners/contract/study.js';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

// The knob fixture's cost is linear in its size (xorshift steps), so the sweep spans tasks
// from microseconds (dispatch dominates) to tens of milliseconds (a worker's start-up is paid back).
const SIZES = [1_000, 10_000, 100_000, 10_000_000, 60_000_000];

/** Where the ratio first rises through 1: the crossover, or the first crossing of an ambiguous curve that starts below 1. */
function firstCrossing(c: Crossover): number | null {
  if (c.status === 'crossed') return c.size;
  return c.status === 'ambiguous' && (c.ratios[0]?.ratio ?? 2) <= 1 ? (c.crossings[0] ?? null) : null;
}

/** The knob's cost is linear in its size: the baseline's time per step at the first size past `size`, times `size`. */
function taskMsAt(c: Crossover, size: number): number {
  const next = c.ratios.find((r) => r.size >= size) ?? c.ratios.at(-1)!;
  return (next.baselineTaskMs / next.size) * size;
}

test('on a linear-cost suite, worker-pool pays from about its dispatch cost and worker-per-task from at least 10× larger tasks', async (t) => {
  const out = tempDir();
  const result = await runCli([
    'study',
    'size',
    '--suite',
    fixture('knob-suite.js'),
    '--sizes',
    SIZES.join(','),
    '--strategies',
    'main-thread,worker-pool,worker-per-task',
    '--workers',
    '2',
    '--rounds',
    '2',
    '--phase-time',
    '100',
    '--no-report',
    '--out',
    out,
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /^study size: 5 suite sizes × 3 strategies = 15 cells × 2 rounds = 30 cell rounds; estimated \S+/m);
  const run: StudyRunResult = readResults(out);
  const study = run.study;
  assert.ok(study, 'the results file holds the study block');
  const pool = study.crossovers.find((c) => c.strategy === 'worker-pool');
  const perTask = study.crossovers.find((c) => c.strategy === 'worker-per-task');
  assert.ok(pool && perTask);
  t.diagnostic(`worker-pool: ${pool.note}`);
  t.diagnostic(`worker-per-task: ${perTask.note}`);

  // A pool needs both cores; another program taking one for a round can pull one large size's
  // ratio back under 1 (the study then says "ambiguous", rightly). Where the dispatch cost is
  // paid back is the first upward crossing either way.
  const poolFrom = firstCrossing(pool);
  assert.ok(poolFrom !== null, `worker-pool never pays: ${pool.note}`);
  // The pool's per-task hand-off: its one-at-a-time latency less the work, at the smallest size.
  const at = (strategy: string): CompletedCell =>
    run.cells.find(
      (c): c is CompletedCell => c.status === 'completed' && c.scenario === 'batch' && c.strategy === strategy && c.size === SIZES[0],
    )!;
  const dispatchMs = at('worker-pool').latency.p50Ms - at('main-thread').latency.p50Ms;
  const poolTaskMs = taskMsAt(pool, poolFrom);
  assert.ok(
    poolTaskMs > dispatchMs / 10 && poolTaskMs < dispatchMs * 10,
    `worker-pool pays from tasks of ${poolTaskMs} ms; its dispatch costs ${dispatchMs} ms`,
  );

  // Either worker-per-task crosses too, 10× later or more, or it is still slower at a size
  // already 10× past the pool's crossover: its crossover, if any, lies beyond that.
  const perTaskFrom = firstCrossing(perTask);
  if (perTaskFrom !== null) {
    assert.ok(perTaskFrom >= 10 * poolFrom, `worker-per-task from ${perTaskFrom}, worker-pool from ${poolFrom}`);
  } else {
    assert.equal(perTask.status, 'never-faster', perTask.note);
    assert.ok(SIZES.at(-1)! >= 10 * poolFrom, `never faster up to ${SIZES.at(-1)}, worker-pool from ${poolFrom}`);
    assert.ok(
      perTask.suggestedSizes.every((size) => size > SIZES.at(-1)!),
      'and larger sizes are suggested',
    );
  }
});
