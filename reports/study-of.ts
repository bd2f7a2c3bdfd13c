/**
 * The study block of a results file, if it has one that reports can read. The loader
 * checks the schema of `bench run`'s fields; this checks the block's own outline, so a
 * hand-edited or foreign block is ignored (the file still renders as a run) rather than
 * crashing a chart builder.
 */
import type { RunResult } from '../runners/contract/results.js';
import type { Study } from '../runners/contract/study.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The outline every study report reads: kind, cores, and the three lists with the arrays inside them. */
function isStudy(block: unknown): block is Study {
  return (
    isRecord(block) &&
    (block['kind'] === 'size' || block['kind'] === 'workers') &&
    typeof block['cores'] === 'number' &&
    Array.isArray(block['crossovers']) &&
    Array.isArray(block['scaling']) &&
    Array.isArray(block['answer']) &&
    block['answer'].every((line) => typeof line === 'string') &&
    block['crossovers'].every((c) => isRecord(c) && Array.isArray(c['ratios'])) &&
    block['scaling'].every((s) => isRecord(s) && Array.isArray(s['points']))
  );
}

export function studyOf(result: RunResult): Study | undefined {
  const block: unknown = (result as RunResult & { study?: unknown }).study;
  return isStudy(block) ? block : undefined;
}
