/**
 * Several results files (machines of a CI matrix, runtimes run apart) → one, in which every
 * cell keeps the context it was measured in (see cell-context.ts for the format). Cells
 * are copied untouched, raw rounds included, so everything computed from a merged file
 * (a compare, a report) comes out as it would from the file the cell came from.
 */
import { cellId } from '../runners/contract/cell-id.js';
import type { RunContext, RunResult } from '../runners/contract/results.js';
import { contextIdOf, contextOf, type CellWithContext, type MergedRunResult } from './cell-context.js';
import { fingerprintId, fingerprintOf } from './decide/compare/fingerprint.js';

export interface MergeInput {
  file: string;
  run: RunResult;
}

/** Two inputs hold the same cell measured on the same fingerprint. exitCode 2: a bad input. */
export class MergeConflictError extends Error {
  readonly exitCode = 2;
  override readonly name = 'MergeConflictError';
}

const union = (lists: string[][]): string[] => [...new Set(lists.flat())];

/** `runId` names the merged file (the CLI makes one the way `bench run` does). */
export function mergeResults(inputs: readonly MergeInput[], runId: string, now = new Date()): MergedRunResult {
  const first = inputs[0];
  if (!first) throw new RangeError('mergeResults needs at least one results file');
  const contexts: Record<string, RunContext> = {};
  const cells: CellWithContext[] = [];
  // cell key + fingerprint → the file it came from: one measurement per cell and machine.
  const seen = new Map<string, string>();

  for (const { file, run } of inputs) {
    for (const cell of run.cells) {
      // A plain run's cells share its context, named by its run id (unique per run); a
      // merged input's cells already name theirs.
      const contextId = contextIdOf(cell) ?? run.runId;
      const context = contextOf(run, cell);
      const fingerprint = fingerprintId(fingerprintOf(context, cell.runtime));
      const key = `${cellId(cell)}|${fingerprint}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new MergeConflictError(
          `${earlier} and ${file} both hold ${cell.suite}(${cell.size}) × ${cell.strategy} · ${cell.runtime} · ` +
            `${cell.workers} workers measured on ${fingerprint}: merge combines different machines or runtimes; compare two runs of one machine with \`bench compare\``,
        );
      }
      seen.set(key, file);
      contexts[contextId] = context;
      cells.push({ ...cell, contextId });
    }
  }

  const configs = inputs.map(({ run }) => run.config);
  const merged: MergedRunResult = {
    schemaVersion: first.run.schemaVersion,
    runId,
    createdAt: now.toISOString(),
    complete: inputs.every(({ run }) => run.complete),
    // Readers that know nothing of merging see the first source's context (and its cells
    // first); `contexts` and each cell's `contextId` tell the whole story.
    context: first.run.context,
    config: {
      ...first.run.config,
      suites: union(configs.map((config) => config.suites)),
      sizes: Object.assign({}, ...[...configs].reverse().map((config) => config.sizes)) as Record<string, number>,
      strategies: union(configs.map((config) => config.strategies)),
      rounds: Math.max(...configs.map((config) => config.rounds)),
    },
    cells,
    warnings: inputs.flatMap(({ run }) => run.warnings),
    contexts,
    mergedFrom: inputs.map(({ file, run }) => ({ file, runId: run.runId })),
  };
  return merged;
}
