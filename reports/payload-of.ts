/**
 * The payload study block of a results file, if it has one that reports can read: the
 * loader types every `study` block as a sweep's, so this checks the payload block's own
 * outline, and a hand-edited or foreign block is ignored rather than crashing a chart.
 */
import type { RunResult } from '../runners/contract/results.js';
import type { PayloadStudy } from '../runners/contract/payload-study.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isPayloadStudy(block: unknown): block is PayloadStudy {
  return (
    isRecord(block) &&
    block['kind'] === 'payload' &&
    Array.isArray(block['transports']) &&
    Array.isArray(block['answer']) &&
    block['answer'].every((line) => typeof line === 'string') &&
    (block['memcpyMbPerSec'] === null || typeof block['memcpyMbPerSec'] === 'number') &&
    block['transports'].every(
      (s) =>
        isRecord(s) &&
        typeof s['strategy'] === 'string' &&
        typeof s['transport'] === 'string' &&
        Array.isArray(s['points']) &&
        s['points'].every((p) => isRecord(p) && typeof p['bytes'] === 'number' && typeof p['roundTripMs'] === 'number'),
    )
  );
}

export function payloadStudyOf(result: RunResult): PayloadStudy | undefined {
  const block: unknown = (result as RunResult & { study?: unknown }).study;
  return isPayloadStudy(block) ? block : undefined;
}
