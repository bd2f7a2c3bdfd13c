/**
 * Where each cell was measured. A `bench run` file has one `context` for all its cells; a
 * merged file (`bench merge`) is a plain results file of the current schema — its top-level `context` is the first
 * source's, so readers that know nothing of merging keep working — and adds:
 *
 *   "contexts": { "<id>": RunContext, … }   every source run's context, by id
 *   cells[i].contextId: "<id>"              the context that cell was measured in
 *   noop[i].contextId: "<id>"               the context a runtime's server alone was measured in
 *
 * Optional fields (runners/contract/results-schema.ts). Code that cares where a cell ran asks
 * `contextOf(run, cell)`, which answers for both kinds of file.
 */
import type { CellResult, HttpNoop, RunContext, RunResult } from '../runners/contract/results.js';

/** A results file as `bench merge` writes it; a plain run file is one without the extras. */
export type MergedRunResult = RunResult & {
  contexts?: Record<string, RunContext>;
  /** The files merged, in order. */
  mergedFrom?: Array<{ file: string; runId: string }>;
};

export type CellWithContext = CellResult & { contextId?: string };

/** A merged file whose cells name contexts it does not hold. exitCode 2: a bad input, one line. */
export class ContextReferenceError extends Error {
  readonly exitCode = 2;
  override readonly name = 'ContextReferenceError';
}

export function contextIdOf(cell: CellResult): string | undefined {
  const id = (cell as CellWithContext).contextId;
  return typeof id === 'string' ? id : undefined;
}

function namedContext(run: RunResult, id: string | undefined, what: string): RunContext {
  if (id === undefined) return run.context;
  const contexts = (run as MergedRunResult).contexts;
  const context = contexts && Object.hasOwn(contexts, id) ? contexts[id] : undefined;
  if (!context) throw new ContextReferenceError(`${what} names context "${id}", which the file's "contexts" lacks`);
  return context;
}

export function contextOf(run: RunResult, cell: CellResult): RunContext {
  return namedContext(run, contextIdOf(cell), `cell ${cell.suite} × ${cell.strategy}`);
}

/** Where a runtime's server alone (`noop`) was measured: as for a cell, its own context or the file's. */
export function noopContextOf(run: RunResult, noop: HttpNoop): RunContext {
  return namedContext(run, noop.contextId, `the server alone (GET /noop) on ${noop.runtime}`);
}

/** Every context a file's cells were measured in, by id (a plain run file: its one context, by run id). */
export function contextsOf(run: RunResult): Map<string, RunContext> {
  const contexts = new Map<string, RunContext>();
  for (const cell of run.cells) contexts.set(contextIdOf(cell) ?? run.runId, contextOf(run, cell));
  if (contexts.size === 0) contexts.set(run.runId, run.context);
  return contexts;
}
