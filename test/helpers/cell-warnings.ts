/** findWarnings on one cell, with each round's measured foreign CPU share set. */
import type { CompletedCell, MeasurementWarning } from '../../runners/contract/results.js';
import { findWarnings } from '../../runners/orchestrate/warnings.js';
import { nodeResults } from '../fixtures/results-node.js';

/** The cell with every round's foreign CPU share set (null: not measured, as off Linux). */
export const withForeignShare = (cell: CompletedCell, share: number | null): CompletedCell => ({
  ...cell,
  rounds: cell.rounds.map((round) => ({ ...round, foreignCpuShare: share })),
});

/** The warnings a five-round run of this one cell raises. */
export const warningsOf = (cell: CompletedCell): MeasurementWarning[] =>
  findWarnings([cell], nodeResults.context, { ...nodeResults.config, rounds: 5 });
