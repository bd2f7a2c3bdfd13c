import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlannedRound } from '../../runners/orchestrate/plan.js';
import type { RoundOutcome } from '../../runners/orchestrate/spawn-cell.js';
import { createStudyProgress, type ProgressStream } from '../../runners/orchestrate/study/study-progress.js';
import { completedCell, figures } from '../fixtures/results-builder.js';

const round = (size: number): PlannedRound => ({
  key: { scenario: 'batch', suite: 'fib', size, strategy: 'main-thread', runtime: 'node', workers: 1 },
  suiteUrl: 'file:///fib.js',
  round: 1,
});
const sample = completedCell(
  { suite: 'fib', size: 20, strategy: 'main-thread', runtime: 'node', workers: 1 },
  figures(10, 100, 1, 2, 0.5, null, 40),
).rounds[0]!;
const ok: RoundOutcome = { ok: true, sample };

function capture(): { stream: ProgressStream; lines: string[] } {
  const lines: string[] = [];
  return { stream: { isTTY: false, write: (text: string) => lines.push(text) }, lines };
}

const etaSeconds = (line: string): number => {
  const match = /ETA (?:(\d+)m)?(\d+)s/.exec(line);
  assert.ok(match, line);
  return Number(match[1] ?? 0) * 60 + Number(match[2]);
};

test('the ETA is what the remaining rounds are estimated to take, scaled by how the finished ones compared with their estimates', () => {
  // Ten small rounds, then ten a hundred times longer: a per-round average would be wrong by ~50×.
  const estimates = [...Array(10).fill(100), ...Array(10).fill(10_000)];
  const { stream, lines } = capture();
  const progress = createStudyProgress(estimates, stream);
  for (let i = 0; i < 10; i++) progress.finished(i, round(20), ok, 100);
  assert.equal(etaSeconds(lines.at(-1)!), 100, 'estimates held: 10 × 10 s left');
  for (let i = 10; i < 15; i++) progress.finished(i, round(32), ok, 20_000);
  // The big rounds take twice their estimate; 5 are left at 10 s each, so about 100 s.
  const eta = etaSeconds(lines.at(-1)!);
  assert.ok(eta > 80 && eta <= 100, `ETA ${eta}s`);
});
