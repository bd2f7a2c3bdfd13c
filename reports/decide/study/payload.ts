/**
 * A payload study's results → its `study` block: per suite, strategy, transport and
 * runtime, one point per completed size (round trip, run, MB/s, the transport's share),
 * the memcpy reference, and the answer in words. Reads only the results, so an
 * interrupted study is analysed on what it measured.
 */
import type { CellResult, CompletedCell, RunResult } from '../../../runners/contract/results.js';
import type { PayloadPoint, PayloadSeries, PayloadStudy } from '../../../runners/contract/payload-study.js';
import { transportOf as transportOfCell } from '../../format/strategy-label.js';
import { median } from '../../../runners/common/stats.js';
import { round4 } from '../../../runners/common/samples.js';
import { payloadAnswer } from '../answer/payload-answer.js';
import { groupBy } from './scaling.js';

export interface PayloadSweep {
  kind: 'payload';
  /** The sizes planned, measured or not. */
  sizes: number[];
}

const MB = 1e6;

/** The median of the rounds' values, or null when no round has one. */
function medianOf(values: ReadonlyArray<number | undefined>): number | null {
  const present = values.filter((value): value is number => value !== undefined && Number.isFinite(value));
  return present.length > 0 ? median(present) : null;
}

export function payloadPoint(cell: CompletedCell): PayloadPoint {
  const figures = cell.rounds.map((round) => round.payload);
  const bytes = medianOf(figures.map((f) => f?.inputBytes)) ?? cell.size;
  const outputBytes = medianOf(figures.map((f) => f?.outputBytes)) ?? bytes;
  const runMs = medianOf(figures.map((f) => f?.runMs));
  const roundTripMs = cell.latency.p50Ms;
  return {
    size: cell.size,
    bytes,
    outputBytes,
    roundTripMs,
    roundTripP99Ms: round4(cell.latency.p99Ms),
    runMs,
    mbPerSec: roundTripMs > 0 ? Math.round(((bytes + outputBytes) / MB / (roundTripMs / 1000)) * 10) / 10 : 0,
    transportShare:
      runMs === null || !(roundTripMs > 0) ? null : Math.round(Math.min(1, Math.max(0, (roundTripMs - runMs) / roundTripMs)) * 1e4) / 1e4,
    memcpyMbPerSec: medianOf(figures.map((f) => f?.memcpyMbPerSec)),
  };
}

function missingLine(cell: CellResult): string[] {
  if (cell.status === 'skipped') return [`size ${cell.size}: skipped: ${cell.reason}`];
  if (cell.status === 'errored') return [`size ${cell.size}: errored: ${cell.error.message}`];
  return [];
}

export function payloadSeriesOf(result: RunResult): PayloadSeries[] {
  const batch = result.cells.filter((cell) => cell.scenario === 'batch');
  return groupBy(batch, (cell) => [cell.suite, cell.strategy, transportOfCell(cell), cell.runtime].join('\u0000')).map((cells) => {
    const first = cells[0]!;
    const completed = cells.filter((cell): cell is CompletedCell => cell.status === 'completed' && cell.scenario === 'batch');
    return {
      suite: first.suite,
      strategy: first.strategy,
      transport: transportOfCell(first),
      runtime: first.runtime,
      points: completed.map(payloadPoint).sort((a, b) => a.bytes - b.bytes),
      missing: cells.flatMap(missingLine),
    };
  });
}

/** The memcpy rate at the largest size measured: large copies run at the memory's bandwidth, small ones at the call's cost. */
export function studyMemcpy(series: readonly PayloadSeries[]): number | null {
  const points = series.flatMap((s) => s.points).filter((p) => p.memcpyMbPerSec !== null);
  const largest = Math.max(...points.map((p) => p.bytes));
  return medianOf(points.filter((p) => p.bytes === largest).map((p) => p.memcpyMbPerSec ?? undefined));
}

export function analysePayload(result: RunResult, sweep: PayloadSweep): PayloadStudy {
  const transports = payloadSeriesOf(result);
  const study: PayloadStudy = {
    kind: 'payload',
    sizes: sweep.sizes,
    complete: result.complete,
    transports,
    memcpyMbPerSec: studyMemcpy(transports),
    answer: [],
  };
  study.answer = payloadAnswer(result, study);
  return study;
}
