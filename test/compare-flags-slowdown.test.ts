/**
 * Real regressions are caught: the knob fixture made 25 % slower per task
 * (BENCH_FIXTURE_SLOWDOWN=1.25, read by the fixture, nothing in the harness) is flagged
 * `regressed` — exit code 1 — in at least 9 of 10 compares against a same-build baseline.
 *
 * Why this holds on a busy machine: besides throughput and p99, the compare tests the
 * median unloaded latency per round, which moves by the full 25 % while staying within
 * ~2 % from round to round even when throughput swings by tens of percent (a 0.5 ms task
 * rarely straddles a scheduler time slice). Five rounds a side that do not overlap give
 * p = 0.008, far below α = 0.05.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareSideBySide, describeCompare } from './helpers/knob-runs.js';

const COMPARES = 10;
const REQUIRED = 9;

test(`a 25 % slower task is flagged regressed in at least ${REQUIRED} of ${COMPARES} compares`, async (t) => {
  const outputs = await compareSideBySide(t, 1.25, COMPARES);
  // Slower is never better: no cell of a slowed run may be called improved.
  for (const [i, output] of outputs.entries()) assert.equal(output.counts.improved, 0, describeCompare(i, output));
  const flagged = outputs.filter((output) => output.counts.regressed > 0).length;
  t.diagnostic(`25 % slowdown: flagged in ${flagged} of ${COMPARES} compares`);
  assert.ok(flagged >= REQUIRED, `flagged in only ${flagged} of ${COMPARES} compares`);
});
