/** Figures of an HTTP run that need a second look, each with what to change. */
import type { CellResult, HttpCompletedCell, MeasurementWarning, RunContext } from '../../contract/results.js';
import { contextWarnings, foreignLoadWarning } from '../../orchestrate/warnings.js';

const cellOf = (cell: HttpCompletedCell): MeasurementWarning['cell'] => ({
  suite: cell.suite,
  size: cell.size,
  strategy: cell.strategy,
  runtime: cell.runtime,
});

/** "bun, 30 workers": which server of the run, where runtimes and worker counts vary. */
const where = (cell: HttpCompletedCell): string => `${cell.runtime}, ${cell.workers} worker${cell.workers === 1 ? '' : 's'}`;

export function findHttpWarnings(cells: CellResult[], context: RunContext): MeasurementWarning[] {
  const warnings = contextWarnings(context);
  for (const cell of cells) {
    if (cell.status !== 'completed' || cell.scenario !== 'http') continue;
    const { errors } = cell;
    const load = foreignLoadWarning(cell, cell.foreignCpuShare ?? 0, `its window (${where(cell)})`);
    if (load) warnings.push(load);
    if (errors.overloaded > 0) {
      warnings.push({
        kind: 'http-overload',
        cell: cellOf(cell),
        message: `${cell.suite} × ${cell.strategy} (${where(cell)}): ${errors.overloaded} requests refused with 503 (queue full); req/s counts only 2xx answers`,
        hint: 'raise --max-queue to let requests wait, or lower --connections to compare strategies without refusals',
      });
    }
    if (errors.errors > 0 || errors.serverErrors > 0) {
      warnings.push({
        kind: 'http-errors',
        cell: cellOf(cell),
        message: `${cell.suite} × ${cell.strategy} (${where(cell)}): ${errors.errors} connection errors (${errors.timeouts} timeouts) and ${errors.serverErrors} 5xx answers besides 503`,
        hint: 'timeouts: raise --timeout or lower --connections; 5xx: a task threw or its worker crashed (see the results file)',
      });
    }
  }
  return warnings;
}
