/**
 * Several results files (machines of a CI matrix, runtimes run apart) → one, in which every
 * cell keeps the context it was measured in (see cell-context.ts for the format). Cells
 * are copied untouched, raw rounds included, so everything computed from a merged file
 * (a compare, a report) comes out as it would from the file the cell came from. So are the
 * other measured blocks: each runtime's server alone (`noop`, naming its context as a cell
 * does), the processes reaped and what interrupted a source. A `study` or `ab` block is an
 * analysis of its own run's cells alone, which no merge can carry over: such a file is refused.
 */
import { cellId } from '../runners/contract/cell-id.js';
import type { HttpNoop, RunContext, RunResult } from '../runners/contract/results.js';
import { contextIdOf, contextOf, noopContextOf, type CellWithContext, type MergedRunResult } from './cell-context.js';
import { fingerprintId, fingerprintOf } from './decide/compare/fingerprint.js';

export interface MergeInput {
  file: string;
  run: RunResult;
}

/**
 * Two inputs hold the same cell measured on the same fingerprint (or one run's server alone
 * twice), or an input holds an analysis a merge would drop. exitCode 2: a bad input.
 */
export class MergeConflictError extends Error {
  readonly exitCode = 2;
  override readonly name = 'MergeConflictError';
}

const union = (lists: string[][]): string[] => [...new Set(lists.flat())];

/** The blocks a merge would have to drop, as `bench merge` names them. */
const ANALYSES = [
  ['study', 'a `bench study` analysis'],
  ['ab', 'a `bench ab` comparison'],
] as const;

/** A study or A/B file: its block is derived from that run's cells alone, so merging it would lose it. */
function refuseAnalyses(inputs: readonly MergeInput[]): void {
  for (const { file, run } of inputs) {
    for (const [block, what] of ANALYSES) {
      if (run[block] === undefined) continue;
      throw new MergeConflictError(
        `${file} holds ${what} (its "${block}" block), made from that run's cells alone, which a merged file cannot carry: ` +
          `show the files side by side with \`bench report ${inputs.map((input) => input.file).join(' ')}\` instead`,
      );
    }
  }
}

/**
 * Every source's servers alone, each naming the context it was measured in (so two machines'
 * Node servers stay apart, as their cells do); `contexts` gains those contexts. Undefined when
 * no source measured any. The same run's measurement twice is refused, as a cell is.
 */
function mergeNoop(inputs: readonly MergeInput[], contexts: Record<string, RunContext>): HttpNoop[] | undefined {
  if (inputs.every(({ run }) => run.noop === undefined)) return undefined;
  const seen = new Map<string, string>();
  const merged: HttpNoop[] = [];
  for (const { file, run } of inputs) {
    for (const noop of run.noop ?? []) {
      const contextId = noop.contextId ?? run.runId;
      const key = `${noop.runtime}\u0000${contextId}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new MergeConflictError(
          `${earlier} and ${file} both hold the server alone (GET /noop) on ${noop.runtime} of run ${contextId}: ` +
            "the same measurement twice; pass each run's file once",
        );
      }
      seen.set(key, file);
      contexts[contextId] = noopContextOf(run, noop);
      merged.push({ ...noop, contextId });
    }
  }
  return merged;
}

/** What interrupted the sources that were interrupted, each named once. */
function interruptions(inputs: readonly MergeInput[]): string | undefined {
  const by = new Set(inputs.flatMap(({ run }) => run.interruptedBy?.split(', ') ?? []));
  return by.size === 0 ? undefined : [...by].join(', ');
}

/** The sources' processes reaped, summed; unknown (absent) if any source did not count them. */
function reapedSum(inputs: readonly MergeInput[]): number | undefined {
  let sum = 0;
  for (const { run } of inputs) {
    if (run.reaped === undefined) return undefined;
    sum += run.reaped;
  }
  return sum;
}

/** `runId` names the merged file (the CLI makes one the way `bench run` does). */
export function mergeResults(inputs: readonly MergeInput[], runId: string, now = new Date()): MergedRunResult {
  const first = inputs[0];
  if (!first) throw new RangeError('mergeResults needs at least one results file');
  refuseAnalyses(inputs);
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

  const noop = mergeNoop(inputs, contexts);
  const interruptedBy = interruptions(inputs);
  const reaped = reapedSum(inputs);
  const configs = inputs.map(({ run }) => run.config);
  const merged: MergedRunResult = {
    schemaVersion: first.run.schemaVersion,
    runId,
    createdAt: now.toISOString(),
    complete: inputs.every(({ run }) => run.complete),
    ...(interruptedBy === undefined ? {} : { interruptedBy }),
    ...(reaped === undefined ? {} : { reaped }),
    // Readers that know nothing of merging see the first source's context (and its cells
    // first); `contexts` and each cell's `contextId` tell the whole story.
    context: first.run.context,
    config: {
      ...first.run.config,
      suites: union(configs.map((config) => config.suites)),
      sizes: Object.assign({}, ...[...configs].reverse().map((config) => config.sizes)) as Record<string, number>,
      strategies: union(configs.map((config) => config.strategies)),
      // A node file merged with a bun file ran on both: the config says so, as the cells do.
      runtimes: union(configs.map((config) => config.runtimes)),
      rounds: Math.max(...configs.map((config) => config.rounds)),
    },
    cells,
    warnings: inputs.flatMap(({ run }) => run.warnings),
    contexts,
    mergedFrom: inputs.map(({ file, run }) => ({ file, runId: run.runId })),
    ...(noop === undefined ? {} : { noop }),
  };
  return merged;
}
