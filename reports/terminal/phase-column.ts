/**
 * The terminal table's `phases` column (--phases): where one task's time goes, in a few
 * characters. The largest phase's share of the unloaded latency, and the run's share when
 * the largest is another phase ("spawn 95% run 3%"): the suite's own work against what the
 * strategy adds. Read from the cell's `phases` (mean shares: means add up to the latency).
 */
import type { CellResult, RunResult } from '../../runners/contract/results.js';
import type { PhaseName } from '../../runners/contract/phases.js';
import { phaseShares } from '../charts/phase-charts.js';

export const PHASE_HEADER = 'phases';

const SHORT: Record<PhaseName, string> = {
  spawnMs: 'spawn',
  queueMs: 'queue',
  sendMs: 'send',
  queueSendMs: 'q+send',
  runMs: 'run',
  returnMs: 'return',
};

/** Whether the table gets the column: some cell of the run was timed. */
export function hasPhases(result: RunResult): boolean {
  return result.cells.some((cell) => cell.status === 'completed' && cell.scenario === 'batch' && cell.phases !== undefined);
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

export function phaseColumn(cell: CellResult): string {
  if (cell.status !== 'completed' || cell.scenario !== 'batch' || cell.phases === undefined) return '—';
  const shares = [...phaseShares(cell.phases)].sort((a, b) => b[1] - a[1]);
  const [top] = shares;
  if (top === undefined) return '—';
  const run = shares.find(([name]) => name === 'runMs');
  const lead = `${SHORT[top[0]]} ${percent(top[1])}`;
  return top[0] === 'runMs' || run === undefined ? lead : `${lead} run ${percent(run[1])}`;
}
