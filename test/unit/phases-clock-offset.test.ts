import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLOCK_SKEW_ENV } from '../../runners/contract/phases.js';
import { cellClock, hostRawClock, offsetFromPings, type PingSample } from '../../runners/common/phase-clock.js';
import { PhaseRecorder, TaskTiming, taskPhases } from '../../runners/common/phase-timing.js';

/** Pings from a host whose clock runs `skew` ms ahead of the cell's, with the given legs (ms). */
function pings(skew: number, legs: Array<[out: number, back: number]>): PingSample[] {
  let cellNow = 1_000;
  return legs.map(([out, back]) => {
    const sentAt = cellNow + skew;
    cellNow += out;
    const at = cellNow;
    cellNow += back;
    const sample = { sentAt, at, receivedAt: cellNow + skew };
    cellNow += 5;
    return sample;
  });
}

test('the ping offset recovers a skew the pings prove, and trusts the shared clock when they prove none', () => {
  const legs: Array<[number, number]> = [
    [0.9, 0.2],
    [0.05, 0.04],
    [0.3, 0.03],
    [0.02, 0.06],
  ];
  // 250 ms ahead: corrected to within the narrowest round trip.
  const offset = offsetFromPings(pings(250, legs));
  assert.ok(Math.abs(offset + 250) < 0.08, `offset ${offset}`);
  assert.ok(Math.abs(offsetFromPings(pings(-250, legs)) - 250) < 0.08);
  // No skew at all: the bounds hold 0, so no correction is invented from asymmetric legs.
  assert.equal(offsetFromPings(pings(0, legs)), 0);
  assert.equal(offsetFromPings([]), 0);
  // Bounds that cannot all hold (a clock stepped): the fastest ping's midpoint.
  const stepped = [...pings(0, [[0.1, 0.1]]), ...pings(40, [[0.01, 0.01]])];
  assert.ok(Math.abs(offsetFromPings(stepped) + 40) < 0.02);
});

test('a clock offset between cell and host cannot make a phase negative: it is counted as 0 and reported', () => {
  // The host's stamps land 0.5 ms early on the cell's clock: run would start before it was sent.
  const t = new TaskTiming(10);
  t.dispatchedAt = t.sentAt = 10.1;
  t.ran([9.7, 12.7]);
  const found = taskPhases(t, 13.0)!;
  assert.equal(found.phases.sendMs, 0);
  assert.equal(found.clamped, 1);
  for (const value of Object.values(found.phases)) assert.ok(value === null || value >= 0);
  assert.equal(found.phases.spawnMs, null, 'a pool has no spawn phase');
  assert.equal(found.phases.queueSendMs, null, 'the queue and the send are seen apart');

  const recorder = new PhaseRecorder();
  recorder.record(t, 13.0);
  const ok = new TaskTiming(20);
  ok.dispatchedAt = ok.sentAt = 20.1;
  ok.ran([20.2, 23.2]);
  recorder.record(ok, 23.3);
  const round = recorder.finish();
  assert.equal(round.count, 2);
  assert.equal(round.clamped, 1);
  for (const name of ['queueMs', 'sendMs', 'runMs', 'returnMs'] as const) {
    assert.ok(
      round[name]!.samplesMs.every((v) => v >= 0),
      name,
    );
  }
  // A task whose run stamps never arrived is left out, not counted as zero.
  recorder.record(new TaskTiming(30), 31);
  assert.equal(recorder.finish().count, 2);
});

test('the test-only skew moves a host clock and only a host clock', () => {
  const before = process.env[CLOCK_SKEW_ENV];
  process.env[CLOCK_SKEW_ENV] = '250';
  try {
    const host = hostRawClock();
    const gap = host() - cellClock();
    assert.ok(gap > 249 && gap < 251, `gap ${gap}`);
  } finally {
    if (before === undefined) delete process.env[CLOCK_SKEW_ENV];
    else process.env[CLOCK_SKEW_ENV] = before;
  }
});
