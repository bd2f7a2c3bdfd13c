/**
 * Progress of `bench ab` on stderr, one plain line per pair, look and verdict: an A/B run
 * has no fixed length (it stops when the answer is clear), so there is no bar, and a CI log
 * shows how each cell got to its verdict.
 */
import type { AbDecision, AbMetric } from '../../contract/ab.js';
import { formatDuration } from '../../common/format-duration.js';
import { terminalSafe } from '../../common/terminal-safe.js';
import type { RoundOutcome } from '../spawn-cell.js';
import type { AbEtaRange } from './ab-eta.js';
import type { AbSettings, CellState, StopReason } from './run-ab.js';

export interface AbProgress {
  /** Before the first pair: how many cells, and the fewest and most rounds the run can take. */
  planned(cells: number, settings: Pick<AbSettings, 'looks' | 'maxPairs' | 'maxTimeMs'>): void;
  paired(state: CellState, pair: number, a: RoundOutcome, b: RoundOutcome, elapsedMs: number, eta?: AbEtaRange): void;
  looked(state: CellState): void;
  concluded(state: CellState, reason: StopReason): void;
  done(): void;
}

const label = (state: CellState): string => {
  const { suite, size, strategy, runtime } = state.key;
  return terminalSafe(`${suite}(${size}) × ${strategy}${runtime === 'node' ? '' : ` on ${runtime}`}`);
};

const side = (outcome: RoundOutcome): string =>
  outcome.ok ? outcome.sample.tasksPerSec.toFixed(1) : `errored (${terminalSafe(outcome.error.replace(/\r?\n/g, ' '))})`;

const decisionText = (metric: AbMetric, decision: AbDecision | null): string => {
  const name = metric === 'throughput' ? 'tasks/s' : 'p50';
  if (decision === null) return `${name} —`;
  const interval =
    decision.interval === null ? 'no interval yet' : `[${decision.interval[0].toFixed(3)}, ${decision.interval[1].toFixed(3)}]`;
  return `${name} ×${decision.medianRatio.toFixed(3)} ${interval}`;
};

const REASONS: Record<StopReason, string> = {
  decided: 'decided',
  'max-rounds': 'at --max-rounds',
  'max-time': '--max-time spent',
  errored: 'a side errored',
};

/** "40s–2m10s": every open cell decided at its next look, against every one run to --max-rounds. */
export function etaText(eta: AbEtaRange): string {
  const low = formatDuration(eta.minMs, { units: 's' });
  const high = formatDuration(eta.maxMs, { units: 's' });
  return low === high ? low : `${low}–${high}`;
}

export function createAbProgress(maxPairs: number, stream: NodeJS.WritableStream = process.stderr): AbProgress {
  const write = (line: string): void => {
    stream.write(`ab ${line}\n`);
  };
  return {
    planned(cells, settings) {
      const first = Math.min(settings.looks[0] ?? settings.maxPairs, settings.maxPairs);
      const rounds = (pairs: number): number => cells * pairs * 2;
      const cap =
        settings.maxTimeMs === null ? '' : `, or less when --max-time ${formatDuration(settings.maxTimeMs, { units: 's' })} is spent`;
      write(
        `plan: ${cells} cell${cells === 1 ? '' : 's'}, each ${first}–${settings.maxPairs} pairs (a round of A and one of B, each a fresh process): ` +
          `${rounds(first)}–${rounds(settings.maxPairs)} rounds${cap}; an ETA range follows the first pair`,
      );
    },
    paired(state, pair, a, b, elapsedMs, eta) {
      const ratio = a.ok && b.ok && a.sample.tasksPerSec > 0 ? ` · B/A ×${(b.sample.tasksPerSec / a.sample.tasksPerSec).toFixed(3)}` : '';
      write(
        `${label(state)} pair ${pair + 1}/${maxPairs}: A ${side(a)} · B ${side(b)} tasks/s${ratio} (${formatDuration(elapsedMs, { units: 's' })}${eta === undefined ? '' : `, ETA ${etaText(eta)}`})`,
      );
    },
    looked(state) {
      const look = state.decisions.throughput?.look ?? state.decisions.p50?.look;
      write(
        `${label(state)} look${look === undefined ? '' : ` ${look}`} at ${state.pairs} pairs: ` +
          `${decisionText('throughput', state.decisions.throughput)} · ${decisionText('p50', state.decisions.p50)}` +
          `${state.verdict === null ? ' → more pairs' : ''}`,
      );
    },
    concluded(state, reason) {
      write(`${label(state)}: ${state.verdict ?? 'inconclusive'} after ${state.pairs} pairs (${REASONS[reason]})`);
    },
    done() {},
  };
}
