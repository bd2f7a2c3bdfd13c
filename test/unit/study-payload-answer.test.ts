/**
 * The payload study's analysis and its answer in words come from the figures: on results
 * built from known per-byte costs, the points, the memcpy reference and every sentence
 * say what those costs imply, and a shared-memory transport that copies is called not flat.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHARED_BUFFER_TRANSPORT } from '../../runners/contract/strategies.js';
import { MODELS, PAYLOAD_SIZES, payloadStudyResults } from '../fixtures/payload-results.js';

test('every transport gets a point per size with round trip, run, MB/s and its share', () => {
  const study = payloadStudyResults().study!;
  assert.equal(study.kind, 'payload');
  assert.deepEqual(
    study.transports.map((s) => `${s.strategy}/${s.transport}`),
    MODELS.map(([strategy, transport]) => `${strategy}/${transport}`),
  );
  for (const series of study.transports) {
    assert.deepEqual(
      series.points.map((p) => p.bytes),
      PAYLOAD_SIZES,
    );
    for (const p of series.points) {
      const expected = (2 * p.bytes) / 1e6 / (p.roundTripMs / 1000);
      assert.ok(Math.abs(p.mbPerSec - expected) <= 0.05 + expected * 1e-6, `${series.transport} ${p.bytes}: MB/s ${p.mbPerSec}`);
      assert.ok(p.runMs !== null && p.transportShare !== null);
      assert.ok(Math.abs(p.transportShare - (p.roundTripMs - p.runMs) / p.roundTripMs) < 1e-3);
    }
  }
  assert.equal(study.memcpyMbPerSec, 8000);
});

test('the answer names the clone/transfer gap, JSON as the slowest, a flat SharedArrayBuffer and the memcpy reference', () => {
  const [answer, ...more] = payloadStudyResults().study!.answer;
  assert.equal(more.length, 0, 'one runtime: one paragraph');
  assert.match(answer ?? '', /^echo on node 20\.20\.2: /);
  // clone at 64 MiB: 0.03 + 3.36 + 134 ms vs transfer 0.03 + 3.36 ms → about 41×; from 64 KiB on, 2× or more.
  assert.match(
    answer ?? '',
    /from 64 KiB on transfer beats clone by 2× or more \(40\.\d\d× at 64 MiB: 138 ms vs 3\.4 ms; beyond the run, 134 ms vs 30 µs \(4,475×\)\)/,
  );
  // json: 0.06 + 3.36 + 3,355 ms; advanced: 0.05 + 3.36 + 268 ms.
  assert.match(answer ?? '', /JSON IPC costs 3,359 ms a round trip at 64 MiB \(12\.\d\d× V8's serializer's 272 ms\)/);
  assert.match(answer ?? '', /it is the slowest transport at every size from 64 KiB/);
  assert.match(
    answer ?? '',
    /Shared-memory is flat: its cost beyond the run goes from 20 µs at 1 KiB to 20 µs at 64 MiB while the payload grows 65,536×/,
  );
  assert.match(answer ?? '', /Against one memcpy each way \(Buffer\.copy, 8,000 MB\/s at 64 MiB/);
});

test('a shared-memory transport whose cost grows with the payload is reported as not flat, with its figures', () => {
  const copying = MODELS.map((model) => (model[1] === SHARED_BUFFER_TRANSPORT ? ([model[0], model[1], 0.02, 1.5] as typeof model) : model));
  const answer = payloadStudyResults(copying).study!.answer.join(' ');
  assert.match(answer, /Shared-memory is not flat: its cost beyond the run grows [\d,.]+×, from 23 µs at 1 KiB to 201 ms at 64 MiB/);
});

test('clone and transfer that stay close are said to stay close, not made to differ', () => {
  const close = MODELS.map((model) => (model[1] === 'clone' ? ([model[0], model[1], 0.03, 0.01] as typeof model) : model));
  const answer = payloadStudyResults(close).study!.answer.join(' ');
  assert.match(answer, /transfer and clone stay within 2× of each other up to 64 MiB/);
});
