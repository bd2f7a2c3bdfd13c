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
  type CellKey,
  type CellResult,
  type MeasurementWarning,
  type RunConfig,
  type RunContext,
  type RunResult,
} from '../contract/results.js';
import { CellInterrupted } from './spawn-cell.js';
import { markRunning, noticeLeftovers } from './run-leftovers.js';
import { labelNotRun } from './not-run.js';
import { reapedSoFar } from './cell-supervisor.js';

export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-').replace('Z', '')}-${randomBytes(3).toString('hex')}`;
}

export interface JournalSource {
  context: RunContext;
  config: RunConfig;
  /** The cells as they stand now, and the warnings they raise; `bench http` adds its servers alone (`noop`). */
  current(): { cells: CellResult[]; warnings: MeasurementWarning[]; noop?: RunResult['noop'] };
}

/** How the journal writes a results file; a test hands in one that fails as a full disk does. */
export type WriteResults = (path: string, result: RunResult) => void;

const writeResults: WriteResults = (path, result) => writeJsonAtomic(path, result, { elsewhere: 'pass --out elsewhere' });

export class RunJournal {
  readonly runId = newRunId();
  readonly path: string;
  private readonly release: () => void;
  /** The cell being measured when an interrupt ended the run (runSteps tells), for its label. */
  private interruptedCell: CellKey | undefined;

  /** Says, in one line, what a run killed before it finished left in the same directory (run-leftovers.ts), then marks this one. */
  constructor(
    resultsPath: (runId: string) => string,
    private readonly source: JournalSource,
    private readonly write: WriteResults = writeResults,
  ) {
    this.path = resultsPath(this.runId);
    const notice = noticeLeftovers(dirname(this.path));
    if (notice !== undefined) process.stderr.write(`${terminalSafe(notice)}\n`);
    this.release = markRunning(this.path);
  }

  snapshot(complete: boolean, interruptedBy?: string): RunResult {
    const { cells: measured, warnings, noop } = this.source.current();
    // A save while the run goes on (neither complete nor interrupted) says so of the cells not measured yet.
    const going = !complete && interruptedBy === undefined;
    const cells = labelNotRun(measured, { going, interrupted: this.interruptedCell });
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
      ...(noop === undefined ? {} : { noop }),
    };
  }

  /** After each step: a crash of the CLI from here on loses nothing measured so far. */
  save(): void {
    this.write(this.path, this.snapshot(false));
  }

  /** runSteps: an interrupt ended the run while `cell` was being measured. */
  interruptedDuring(cell: CellKey | undefined): void {
    this.interruptedCell = cell;
  }

  /** The last write: complete unless the run was aborted, then marked with the abort's reason. */
  finish(signal: AbortSignal): { result: RunResult; path: string } {
    const result = this.snapshot(!signal.aborted, signal.aborted ? String(signal.reason ?? 'interrupted') : undefined);
    this.write(this.path, result);
    this.release();
    return { result, path: this.path };
  }
}

/**
 * Runs `step` for each item, in order, until the signal aborts or a cell reports it was interrupted,
 * saving the journal after every completed step. Any other error propagates (a save that
 * fails, a full disk, among them: measuring on what cannot be kept is wasted). `cellOf`:
 * the cell a step measures, so the one an interrupt cut short is labelled as such.
 */
export async function runSteps<T>(
  items: Iterable<T>,
  signal: AbortSignal,
  journal: RunJournal,
  step: (item: T, index: number) => Promise<void>,
  cellOf?: (item: T) => CellKey | undefined,
): Promise<void> {
  let index = -1;
  // An iterable, not an array: a sequential run decides its next rounds from the ones measured (run.ts).
  for (const item of items) {
    index++;
    if (signal.aborted) break;
    try {
      await step(item, index);
    } catch (error) {
      if (error instanceof CellInterrupted) {
        journal.interruptedDuring(cellOf?.(item));
        break;
      }
      throw error;
    }
    journal.save();
  }
}
