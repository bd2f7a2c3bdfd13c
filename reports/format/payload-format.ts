/** How payload study figures read in sentences, tables and chart labels. */
import type { PayloadSeries } from '../../runners/contract/payload-study.js';

/** Bytes in binary units, as the sweep is written: 1 KiB, 64 KiB, 16 MiB; other sizes to three digits. */
export function formatPayloadBytes(bytes: number): string {
  const units: Array<[string, number]> = [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) return `${Number((bytes / size).toPrecision(3))} ${unit}`;
  }
  return `${bytes} B`;
}

/** MB/s (10^6 bytes) to two or three significant digits: 41 MB/s, 1,900 MB/s, 12 GB/s. */
export function formatMbPerSec(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  if (rate >= 10_000) return `${Number((rate / 1000).toPrecision(2))} GB/s`;
  if (rate >= 100) return `${Math.round(rate).toLocaleString('en-US')} MB/s`;
  return `${Number(rate.toPrecision(2))} MB/s`;
}

/** A round trip in ms: µs below 0.1 ms, so dispatch-sized figures keep their digits. */
export function formatRoundTrip(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms < 0.1) return `${Number((ms * 1000).toPrecision(2))} µs`;
  if (ms >= 100) return `${Math.round(ms).toLocaleString('en-US')} ms`;
  return `${Number(ms.toPrecision(2))} ms`;
}

/** A factor: two decimals up to 100×, whole and grouped above (65,536×). */
export function formatFactor(factor: number): string {
  if (!Number.isFinite(factor)) return '—';
  return factor >= 100 ? `${Math.round(factor).toLocaleString('en-US')}×` : `${factor.toFixed(2)}×`;
}

export const formatShare = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)} %`);

/**
 * A series' name in a table, a legend or a sentence: the transport alone when no other
 * strategy of the study uses it, else with its strategy. Tables and charts are per
 * runtime, so the runtime is never part of it.
 */
export function seriesLabeller(series: readonly PayloadSeries[]): (s: PayloadSeries) => string {
  const strategiesOf = (transport: string): number => new Set(series.filter((s) => s.transport === transport).map((s) => s.strategy)).size;
  return (s) => (strategiesOf(s.transport) > 1 || s.transport === 'none' ? `${s.strategy} ${s.transport}` : s.transport);
}
