/**
 * A payload study's charts, per suite and runtime: the round trip of one task against the
 * payload, and the MB/s moved both ways against the payload, both log–log, one line per
 * transport (its strategy's colour; a strategy's second transport dashed), with the
 * physical reference: one memcpy each way at the rate measured in the same cells.
 */
import type { PayloadPoint, PayloadSeries, PayloadStudy } from '../../runners/contract/payload-study.js';
import { groupBy } from '../decide/study/scaling.js';
import { formatPayloadBytes, seriesLabeller } from '../format/payload-format.js';
import type { StrategyPalette } from './palette.js';
import { INK, axis, guide, line, logBounds, options, type StudyChart, type XY } from './study-chart-kit.js';

type Chart = Omit<StudyChart, 'id' | 'fileIndex'>;

/** Dashes and point styles for a strategy's first, second, third… transport. */
const DASHES: number[][] = [[], [7, 4], [2, 3]];
const POINTS = ['circle', 'triangle', 'rect'];

function memcpyGuide(points: readonly PayloadPoint[], y: (p: PayloadPoint & { memcpyMbPerSec: number }) => number, label: string) {
  const bySize = new Map<number, PayloadPoint & { memcpyMbPerSec: number }>();
  for (const p of points)
    if (p.memcpyMbPerSec !== null && !bySize.has(p.bytes)) bySize.set(p.bytes, p as PayloadPoint & { memcpyMbPerSec: number });
  const data: XY[] = [...bySize.values()].sort((a, b) => a.bytes - b.bytes).map((p) => ({ x: p.bytes, y: y(p) }));
  return data.length > 0 ? [guide(label, data, [8, 5], INK)] : [];
}

function chartsOfGroup(
  group: readonly PayloadSeries[],
  palette: StrategyPalette,
  label: (s: PayloadSeries) => string,
  heading: string,
): Chart[] {
  const measured = group.filter((s) => s.points.length > 0);
  if (measured.length === 0) return [];
  const suite = measured[0]!.suite;
  const style = (s: PayloadSeries) => {
    const rank = measured.filter((o) => o.strategy === s.strategy).indexOf(s);
    return {
      colour: palette.colour(s.strategy),
      extra: { borderDash: DASHES[rank % DASHES.length]!, pointStyle: POINTS[rank % POINTS.length]! },
    };
  };
  const curve = (s: PayloadSeries, y: (p: PayloadPoint) => number) => {
    const { colour, extra } = style(s);
    return line(
      label(s),
      s.points.map((p) => ({ x: p.bytes, y: y(p) })),
      colour,
      extra,
    );
  };
  const points = measured.flatMap((s) => s.points);
  const bytes = points.map((p) => p.bytes);
  const [xMin, xMax] = logBounds(bytes);
  const bytesAxis = () => axis('logarithmic', 'payload one way, bytes (log)', xMin, xMax);

  const roundTrips = measured.map((s) => curve(s, (p) => p.roundTripMs));
  const copyEachWay = memcpyGuide(points, (p) => (2 * p.bytes) / 1e6 / (p.memcpyMbPerSec / 1000), 'memcpy: one Buffer.copy each way');
  const [tMin, tMax] = logBounds([...roundTrips, ...copyEachWay].flatMap((d) => d.data.map((p) => p.y)));
  const rates = measured.map((s) => curve(s, (p) => p.mbPerSec));
  const memcpyRate = memcpyGuide(points, (p) => p.memcpyMbPerSec, 'memcpy rate (Buffer.copy)');
  const [rMin, rMax] = logBounds([...rates, ...memcpyRate].flatMap((d) => d.data.map((p) => p.y)));
  const sweepNote = ` · ${formatPayloadBytes(Math.min(...bytes))} … ${formatPayloadBytes(Math.max(...bytes))}`;
  const roundTripTitle = `${heading}: round trip of one task against payload`;
  const rateTitle = `${heading}: MB/s moved against payload`;
  return [
    {
      kind: 'study-payload-round-trip',
      suite,
      title: roundTripTitle,
      config: {
        type: 'scatter',
        data: { datasets: [...roundTrips, ...copyEachWay] },
        options: options(
          roundTripTitle,
          `median unloaded round trip, one task in flight · dashed black: one memcpy each way, the least a copy can cost · log–log${sweepNote}`,
          bytesAxis(),
          axis('logarithmic', 'round trip, ms (log), lower is better', tMin, tMax),
        ),
      },
    },
    {
      kind: 'study-payload-rate',
      suite,
      title: rateTitle,
      config: {
        type: 'scatter',
        data: { datasets: [...rates, ...memcpyRate] },
        options: options(
          rateTitle,
          'input plus output bytes ÷ round trip (MB = 10⁶ bytes) · dashed black: the memcpy rate at that size · log–log',
          bytesAxis(),
          axis('logarithmic', 'MB/s both ways (log), higher is better', rMin, rMax),
        ),
      },
    },
  ];
}

export function payloadCharts(study: PayloadStudy, palette: StrategyPalette): Chart[] {
  const label = seriesLabeller(study.transports);
  const runtimes = new Set(study.transports.map((s) => s.runtime)).size;
  return groupBy(study.transports, (s) => `${s.suite}\u0000${s.runtime}`).flatMap((group) =>
    chartsOfGroup(group, palette, label, `${group[0]!.suite}${runtimes > 1 ? ` on ${group[0]!.runtime}` : ''}`),
  );
}
