/**
 * A payload study in the terminal, below the run's own table: per runtime, three small
 * tables with one row per payload size and one column per transport (round trip, MB/s
 * both ways, the transport's share of the round trip), the memcpy reference beside them,
 * then the answer in words. Everything is read from the study block.
 */
import type { PayloadPoint, PayloadSeries, PayloadStudy } from '../../runners/contract/payload-study.js';
import { groupBy } from '../decide/study/scaling.js';
import { formatMbPerSec, formatPayloadBytes, formatRoundTrip, formatShare, seriesLabeller } from '../format/payload-format.js';
import { terminalSafe } from '../format/numbers.js';

function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((text, c) => (c === 0 ? text.padEnd(widths[c]!) : text.padStart(widths[c]!))).join('  ')).join('\n');
}

/** One copy each way at the memcpy rate of that size: the least a copying transport can cost. */
const memcpyRoundTripMs = (p: PayloadPoint | undefined): number | null =>
  p?.memcpyMbPerSec ? (2 * p.bytes) / 1e6 / (p.memcpyMbPerSec / 1000) : null;

function pivot(
  group: readonly PayloadSeries[],
  label: (s: PayloadSeries) => string,
  cell: (p: PayloadPoint) => string,
  reference?: { head: string; value: (p: PayloadPoint | undefined) => string },
): string {
  const sizes = [...new Set(group.flatMap((s) => s.points.map((p) => p.bytes)))].sort((a, b) => a - b);
  const head = ['payload', ...group.map(label), ...(reference ? [reference.head] : [])];
  const rows = sizes.map((bytes) => {
    const points = group.map((s) => s.points.find((p) => p.bytes === bytes));
    const any = points.find((p) => p !== undefined);
    return [formatPayloadBytes(bytes), ...points.map((p) => (p ? cell(p) : '—')), ...(reference ? [reference.value(any)] : [])];
  });
  return columns([head, ...rows]);
}

export function renderPayloadStudy(study: PayloadStudy): string {
  const label = seriesLabeller(study.transports);
  const blocks = groupBy(study.transports, (s) => `${s.suite}\u0000${s.runtime}`).map((group) => {
    const { suite, runtime } = group[0]!;
    const measured = group.filter((s) => s.points.length > 0);
    const missing = group.flatMap((s) => s.missing.map((line) => `  ${label(s)}: ${line}`));
    if (measured.length === 0) return [`${suite} on ${runtime}: nothing completed`, ...missing].join('\n');
    return [
      `${suite} on ${runtime}: round trip of one task (median, unloaded; memcpy: one Buffer.copy each way)`,
      pivot(measured, label, (p) => formatRoundTrip(p.roundTripMs), {
        head: 'memcpy ×2',
        value: (p) => formatRoundTrip(memcpyRoundTripMs(p)),
      }),
      '',
      'MB/s moved, input plus output ÷ round trip (memcpy: one Buffer.copy of the size)',
      pivot(measured, label, (p) => formatMbPerSec(p.mbPerSec), {
        head: 'memcpy',
        value: (p) => formatMbPerSec(p?.memcpyMbPerSec ?? null),
      }),
      '',
      "transport's share, (round trip − run) ÷ round trip (run: the suite's run alone, timed on the cell's thread)",
      pivot(measured, label, (p) => formatShare(p.transportShare), {
        head: 'run',
        value: (p) => formatRoundTrip(p?.runMs ?? null),
      }),
      ...(missing.length > 0 ? ['', 'Not measured:', ...missing] : []),
    ].join('\n');
  });
  const answer = study.answer.length > 0 ? ['', 'Answer:', ...study.answer.map((line) => `  ${line}`)] : [];
  const incomplete = study.complete ? [] : ['', 'The study was interrupted: the figures cover the cells it measured.'];
  return terminalSafe(['Payload study', '', blocks.join('\n\n'), ...incomplete, ...answer].join('\n'));
}
