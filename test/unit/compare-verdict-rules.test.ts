/**
 * The verdict rules on hand-made rounds: a change counts only when it exceeds the threshold
 * AND is significant; a cell that errors after completing in the baseline is regressed; too
 * few or too noisy rounds, or a baseline that errored, are inconclusive with the reason; other
 * fingerprints are incomparable unless --normalize; unpaired cells are new or missing; only
 * a regression (or, with --strict, an inconclusive cell) makes exit code 1.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../reports/decide/compare/compare-metric.js';
import { compareRuns, exitCodeOf, type CellComparison, type Comparison } from '../../reports/decide/compare/compare.js';
import type { CompletedCell, ErroredCell, RunResult } from '../../runners/contract/results.js';
import { roundsCell, runOf, scaled, STEADY } from '../fixtures/round-cells.js';

/** 160 latency samples a round: too few for a per-round p99. */
const shortPhases = (cell: CompletedCell): CompletedCell => ({
  ...cell,
  rounds: cell.rounds.map((round) => ({ ...round, latencySamplesMs: round.latencySamplesMs.slice(0, 160) })),
});

function verdictOf(comparison: Comparison, strategy: string, suite = 'knob'): CellComparison {
  const found = comparison.cells.find((c) => c.strategy === strategy && c.suite === suite);
  assert.ok(found, `${suite} × ${strategy} compared`);
  return found;
}

test('verdicts need the threshold AND significance; the rest says why', () => {
  const options = { ...DEFAULT_SETTINGS, normalize: false };
  const compare = (old: RunResult, now: RunResult): Comparison =>
    compareRuns({ file: 'old.json', run: old }, { file: 'new.json', run: now }, options);

  const base = runOf([
    roundsCell('a', STEADY),
    roundsCell('b', STEADY),
    roundsCell('c', STEADY),
    roundsCell('d', STEADY),
    roundsCell('e', STEADY),
    roundsCell('f', STEADY.slice(0, 3)),
    roundsCell('g', STEADY),
    roundsCell('gone', STEADY),
    roundsCell('h', STEADY),
    shortPhases(roundsCell('i', STEADY)),
    { ...roundsCell('j', STEADY), status: 'errored', verified: false, error: { message: 'boom', round: 1 } } as ErroredCell,
  ]);
  const short = roundsCell(
    'h',
    STEADY,
    STEADY.map(() => 1.3),
  ); // +30 % latency, but short latency phases
  const now = runOf([
    roundsCell('a', scaled(0.8)), // 20 % slower, rounds apart: regressed
    roundsCell('b', scaled(1.25)), // 25 % faster: improved
    roundsCell('c', scaled(0.97)), // 3 % slower and significant, but below the 10 % threshold
    roundsCell('d', [800, 1300, 700, 1250, 760]), // median −20 %, rounds all over the place
    roundsCell(
      'e',
      STEADY,
      STEADY.map(() => 1.3),
    ), // latency +30 %: regressed on p50 and p99
    roundsCell('f', scaled(0.5).slice(0, 3)), // 3 rounds: no test can reach p < 0.05
    { ...roundsCell('g', STEADY), status: 'errored', verified: false, error: { message: 'boom', round: 2 } } as ErroredCell,
    roundsCell('fresh', STEADY),
    shortPhases(short),
    shortPhases(roundsCell('i', STEADY)), // the same, short phases: the untested p99 does not make it unsure
    roundsCell('j', STEADY), // errored in the baseline
  ]);
  const comparison = compare(base, now);
  assert.equal(verdictOf(comparison, 'a').verdict, 'regressed');
  assert.deepEqual(
    verdictOf(comparison, 'a').metrics.map((m) => [m.name, m.verdict]),
    [
      ['throughput', 'regressed'],
      ['p50', 'unchanged'],
      ['p99', 'unchanged'],
    ],
  );
  assert.equal(verdictOf(comparison, 'a').metrics[0]!.pValue?.toFixed(4), (2 / 252).toFixed(4));
  assert.equal(verdictOf(comparison, 'b').verdict, 'improved');
  const small = verdictOf(comparison, 'c');
  assert.equal(small.verdict, 'unchanged');
  assert.ok(small.metrics[0]!.pValue! < 0.05, 'the 3 % is significant, and still not a regression');
  assert.equal(verdictOf(comparison, 'd').verdict, 'inconclusive');
  assert.match(
    verdictOf(comparison, 'd').reason ?? '',
    /throughput: −20 % is beyond the 10 % threshold but p = 0\.\d+ ≥ α 0\.05: the rounds are too noisy/,
  );
  assert.deepEqual(
    verdictOf(comparison, 'e').metrics.map((m) => m.verdict),
    ['unchanged', 'regressed', 'regressed'],
  );
  assert.match(verdictOf(comparison, 'f').reason ?? '', /too few rounds \(3 vs 3\): the smallest p-value they allow is 0\.100/);
  assert.equal(verdictOf(comparison, 'f').verdict, 'inconclusive');
  // Worked before, broken now: a regression, not a shrug.
  assert.equal(verdictOf(comparison, 'g').verdict, 'regressed');
  assert.match(verdictOf(comparison, 'g').reason ?? '', /completed in the baseline, errored in the new run: boom/);
  // Broken before, working now: nothing to test against.
  assert.equal(verdictOf(comparison, 'j').verdict, 'inconclusive');
  assert.match(verdictOf(comparison, 'j').reason ?? '', /errored in the baseline: boom/);
  // 160 samples a round: the p99 is the top one or two, so it is not tested; the p50 is.
  const [, p50, p99] = verdictOf(comparison, 'h').metrics;
  assert.equal(p50!.verdict, 'regressed');
  assert.equal(p99!.verdict, 'untested');
  assert.match(p99!.reason ?? '', /each round's p99 rests on its top 1\.6 of 160 latency samples: too few to compare \(500 a round needed/);
  assert.equal(verdictOf(comparison, 'i').verdict, 'unchanged');
  assert.equal(verdictOf(comparison, 'gone').verdict, 'missing');
  assert.equal(verdictOf(comparison, 'fresh').verdict, 'new');
  assert.equal(exitCodeOf(comparison.cells, false), 1);
  assert.equal(
    exitCodeOf(
      comparison.cells.filter((c) => c.verdict !== 'regressed'),
      false,
    ),
    0,
    'inconclusive alone passes',
  );
  assert.equal(
    exitCodeOf(
      comparison.cells.filter((c) => c.verdict !== 'regressed'),
      true,
    ),
    1,
    'unless --strict',
  );
});

test('another fingerprint is incomparable; --normalize compares speedups over main-thread instead', () => {
  const other = { model: 'Apple M3', cores: 8 };
  // The new machine is twice as fast overall; worker-pool's speedup fell from 2.0 to 1.6.
  const old = runOf([roundsCell('main-thread', STEADY), roundsCell('worker-pool', scaled(2))]);
  const now = runOf([roundsCell('main-thread', scaled(2)), roundsCell('worker-pool', scaled(3.2))], other);
  const absolute = compareRuns({ file: 'o', run: old }, { file: 'n', run: now }, { ...DEFAULT_SETTINGS, normalize: false });
  assert.equal(verdictOf(absolute, 'worker-pool').verdict, 'incomparable');
  assert.match(verdictOf(absolute, 'worker-pool').reason ?? '', /different fingerprints \(CPU .* vs Apple M3, 2 vs 8 cores\); --normalize/);

  const normalized = compareRuns({ file: 'o', run: old }, { file: 'n', run: now }, { ...DEFAULT_SETTINGS, normalize: true });
  const pool = verdictOf(normalized, 'worker-pool');
  assert.equal(pool.verdict, 'regressed');
  assert.equal(pool.metrics[0]!.name, 'speedup');
  assert.ok(Math.abs(pool.metrics[0]!.change - -0.2) < 1e-9, `speedup 2.0 → 1.6 is −20 %, got ${pool.metrics[0]!.change}`);
  assert.match(verdictOf(normalized, 'main-thread').reason ?? '', /the --normalize reference/);
});
