/**
 * A run that measured nothing (every cell errored or was skipped) must not pass a CI job:
 * it exits NOTHING_MEASURED_EXIT, not 0; not 1 either, which `bench compare` keeps for a regression.
 */
import type { RunResult } from '../../runners/contract/results.js';

export const NOTHING_MEASURED_EXIT = 4;

/** The exit code for a finished run: NOTHING_MEASURED_EXIT when no cell completed, else undefined. */
export function nothingMeasuredExit(result: RunResult, write: (line: string) => void): number | undefined {
  if (result.cells.some((cell) => cell.status === 'completed')) return undefined;
  write(`no cell completed (${result.cells.length} errored or skipped: see their reasons above): exit ${NOTHING_MEASURED_EXIT}`);
  return NOTHING_MEASURED_EXIT;
}
