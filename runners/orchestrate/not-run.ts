/**
 * Why a planned cell holds no measurement, in the words a results file gives. A run loop
 * marks every cell it has not measured with NOT_RUN and the journal, which knows how the
 * run stands when it writes, says which it is: a file saved while the run was going says
 * so (a CLI that then dies, of a full disk or a kill, leaves that file, and "interrupted
 * before this cell ran" would be false of a cell it measured after the last save); the cell
 * that was being measured when Ctrl-C came says so, not that it never ran.
 */
import { cellId } from '../contract/cell-id.js';
import type { CellKey, CellResult } from '../contract/results.js';

/** What the run loops write for a cell not measured; after an interrupt, the final file keeps it. */
export const NOT_RUN = 'the run was interrupted before this cell ran';
/** A save made while the run was going. */
export const NOT_RUN_YET = 'not measured yet when this file was saved, while the run was going (the run ended before it finished)';
/** The final save after an interrupt, for the cell under way when nothing of it had finished (finished rounds are kept). */
export const INTERRUPTED_DURING = 'the run was interrupted while this cell was being measured, before any of it finished';

export interface RunStanding {
  /** The run is still going: this is a save after a step, not the last one. */
  going: boolean;
  /** The cell being measured when an interrupt ended the run, if it is known. */
  interrupted: CellKey | undefined;
}

export function labelNotRun(cells: readonly CellResult[], standing: RunStanding): CellResult[] {
  const during = standing.interrupted === undefined ? undefined : cellId(standing.interrupted);
  return cells.map((cell) => {
    if (cell.status !== 'skipped' || cell.reason !== NOT_RUN) return cell;
    if (standing.going) return { ...cell, reason: NOT_RUN_YET };
    return during !== undefined && cellId(cell) === during ? { ...cell, reason: INTERRUPTED_DURING } : cell;
  });
}
