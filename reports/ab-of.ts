/**
 * The `ab` block of a results file, if it has one that reports can read. The loader checks
 * only that the block has sides and cells; this checks the outline the renderers read (the
 * rounds with their samples, the decisions), so a hand-edited or foreign block is ignored
 * and the file still renders as a run, rather than crashing a chart builder.
 */
import type { AbStudy } from '../runners/contract/ab.js';
import type { RunResult } from '../runners/contract/results.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isCell(cell: unknown): boolean {
  return (
    isRecord(cell) &&
    isRecord(cell['key']) &&
    isRecord(cell['decisions']) &&
    typeof cell['verdict'] === 'string' &&
    Array.isArray(cell['rounds']) &&
    cell['rounds'].every(
      (r) =>
        isRecord(r) &&
        (r['side'] === 'a' || r['side'] === 'b') &&
        typeof r['pair'] === 'number' &&
        typeof r['position'] === 'number' &&
        isRecord(r['sample']),
    )
  );
}

function isAbStudy(block: unknown): block is AbStudy {
  return (
    isRecord(block) &&
    isRecord(block['sides']) &&
    typeof block['threshold'] === 'number' &&
    typeof block['correction'] === 'string' &&
    Array.isArray(block['looks']) &&
    Array.isArray(block['cells']) &&
    block['cells'].every(isCell)
  );
}

export function abOf(result: RunResult): AbStudy | undefined {
  const block: unknown = (result as RunResult & { ab?: unknown }).ab;
  return isAbStudy(block) ? block : undefined;
}
