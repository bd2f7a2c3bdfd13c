/**
 * A suite given to `bench study payload --suite` whose size knob does not scale what it
 * carries is named in the answer: its points compare work, not payloads.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysePayload } from '../../reports/decide/study/payload.js';
import type { CompletedCell } from '../../runners/contract/results.js';
import { PAYLOAD_SIZES, payloadStudyResults } from '../fixtures/payload-results.js';

const FLAT = /its payload does not grow with its size/;

test('a payload that stays the same size across the sweep is called out; one that grows is not', () => {
  const growing = payloadStudyResults();
  assert.doesNotMatch(growing.study!.answer.join(' '), FLAT);
  const cells = growing.cells.map((cell) => {
    const completed = cell as CompletedCell;
    const rounds = completed.rounds.map((round) => ({ ...round, payload: { ...round.payload!, inputBytes: 800, outputBytes: 16 } }));
    return { ...completed, rounds };
  });
  const flat = analysePayload({ ...growing, cells }, { kind: 'payload', sizes: PAYLOAD_SIZES });
  assert.match(flat.answer.join(' '), /its payload does not grow with its size \(816 B in and out at size 1024, 816 B at size 67108864\)/);
});
