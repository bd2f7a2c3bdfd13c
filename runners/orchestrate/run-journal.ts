/**
 * What every run loop shares (`bench run`, its studies and `bench http`): one run id, the
 * results file rewritten atomically after every step and marked incomplete until the end,
 * and the stop rule — an abort (Ctrl-C, SIGTERM) or an interrupted cell ends the loop, and
 * what was measured is saved with the signal's name.
 */
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { terminalSafe } from '../common/terminal-safe.js';
import { writeJsonAtomic } from '../common/write-atomic.js';
import {
  SCHEMA_VERSION,
  type CellResult,
  type MeasurementWarning,
  type RunConfig,
  type RunContext,
  type RunResult,
} from '../contract/results.js';
import { CellInterrupted } from './spawn-cell.js';
import { markRunning, noticeLeftovers } from './run-leftovers.js';
import { reapedSoFar } from './cell-supervisor.js';

export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-').replace('Z', '')}-${randomBytes(3).toString('hex')}`;
}

export interface JournalSource {
  context: RunContext;
  config: RunConfig;
  /** The cells as they stand now, and the warnings they raise. */
  current(): { cells: CellResult[]; warnings: MeasurementWarning[] };
}

export class RunJournal {
  readonly runId = newRunId();
  readonly path: string;
  private readonly release: () => void;

  /** Says, in one line, what a run killed before it finished left in the same directory (run-leftovers.ts), then marks this one. */
  constructor(
    resultsPath: (runId: string) => string,
    private readonly source: JournalSource,
  ) {
    this.path = resultsPath(this.runId);
    const notice = noticeLeftovers(dirname(this.path));
    if (notice !== undefined) process.stderr.write(`${terminalSafe(notice)}\n`);
    this.release = markRunning(this.path);
  }

  snapshot(complete: boolean, interruptedBy?: string): RunResult {
    const { cells, warnings } = this.source.current();
    return {
      schemaVersion: SCHEMA_VERSION,
      runId: this.runId,
      createdAt: new Date().toISOString(),
      complete,
      ...(interruptedBy ? { interruptedBy } : {}),
      // Everything this CLI ended that outlived its starter, a --base build's included.
      reaped: reapedSoFar(),
      context: this.source.context,
      config: this.source.config,
      cells,
      warnings,
    };
  }

  /** After each step: a crash of the CLI from here on loses nothing measured so far. */
  save(): void {
    writeJsonAtomic(this.path, this.snapshot(false));
  }

  /** The last write: complete unless the run was aborted, then marked with the abort's reason. */
  finish(signal: AbortSignal): { result: RunResult; path: string } {
    const result = this.snapshot(!signal.aborted, signal.aborted ? String(signal.reason ?? 'interrupted') : undefined);
    writeJsonAtomic(this.path, result);
    this.release();
    return { result, path: this.path };
  }
}

/**
 * Runs `step` for each item until the signal aborts or a cell reports it was interrupted,
 * saving the journal after every completed step. Any other error propagates.
 */
export async function runSteps<T>(
  items: readonly T[],
  signal: AbortSignal,
  journal: RunJournal,
  step: (item: T, index: number) => Promise<void>,
): Promise<void> {
  for (const [index, item] of items.entries()) {
    if (signal.aborted) break;
    try {
      await step(item, index);
    } catch (error) {
      if (error instanceof CellInterrupted) break;
      throw error;
    }
    journal.save();
  }
}
