/**
 * The words and figures every rendering of an A/B result shares (terminal table, markdown,
 * HTML section), so the three cannot describe one run differently.
 */
import type { AbCell, AbDecision, AbMetric, AbSideInfo, AbStudy, AbVerdict } from '../../runners/contract/ab.js';
import type { CellKey } from '../../runners/contract/results.js';
import { formatChange } from './numbers.js';
import { AB_METRICS } from '../decide/ab/pairs.js';

/** Worst first: the order verdicts are counted and summed up in. */
export const AB_VERDICTS: readonly AbVerdict[] = ['regressed', 'inconclusive', 'improved', 'unchanged'];

export const METRIC_LABEL: Record<AbMetric, string> = { throughput: 'throughput', p50: 'p50 latency' };

export const ratioText = (ratio: number): string => `${ratio.toFixed(3)}×`;

/** The median ratio as a change, e.g. "0.912× (−8.8 %)". */
export const medianText = (d: AbDecision | null): string =>
  d === null ? '—' : `${ratioText(d.medianRatio)} (${formatChange(d.medianRatio - 1)})`;

export const intervalText = (d: AbDecision | null): string => {
  if (d === null) return '—';
  if (d.interval === null) return 'too few pairs';
  return `${d.interval[0].toFixed(3)}–${d.interval[1].toFixed(3)}`;
};

export const percentText = (share: number): string => `${Math.round(share * 1000) / 10} %`;

export const cellName = (key: CellKey): string => `${key.suite} (${key.size}) × ${key.strategy} · ${key.runtime} · ${key.workers}w`;

export const sideText = (side: AbSideInfo): string => {
  const where = side.ref ?? side.suitePath;
  const commit = side.commit ? ` @ ${side.commit.slice(0, 10)}` : '';
  return `${side.label}${where && where !== side.label ? ` (${where})` : ''}${commit}`;
};

export function countAbVerdicts(cells: readonly AbCell[]): Record<AbVerdict, number> {
  const counts: Record<AbVerdict, number> = { regressed: 0, inconclusive: 0, improved: 0, unchanged: 0 };
  for (const cell of cells) counts[cell.verdict]++;
  return counts;
}

export function summaryText(study: AbStudy): string {
  const counts = countAbVerdicts(study.cells);
  return (
    AB_VERDICTS.filter((verdict) => counts[verdict] > 0)
      .map((verdict) => `${counts[verdict]} ${verdict}`)
      .join(', ') || 'no cells'
  );
}

export function settingsText(study: AbStudy): string {
  return (
    `B ÷ A of paired rounds (throughput: lower is worse; p50 latency: higher is worse); threshold ±${percentText(study.threshold)}, ` +
    `up to ${study.maxPairs} pairs${study.maxTimeMs === null ? '' : ` or ${Math.round(study.maxTimeMs / 1000)} s`}, seed ${study.seed}`
  );
}

/** How each metric of a cell got its verdict, and why a cell stopped early. */
export function cellNotes(study: AbStudy): string[] {
  return study.cells.flatMap((cell) => {
    const name = cellName(cell.key);
    const lines: string[] = [];
    if (cell.error)
      lines.push(`${name}: side ${cell.error.side.toUpperCase()} errored in pair ${cell.error.pair + 1}: ${cell.error.message}`);
    if (cell.verdict === 'unchanged') return lines;
    for (const metric of AB_METRICS) {
      const d = cell.decisions[metric];
      if (!d || d.verdict === null || d.verdict === 'unchanged') continue;
      const at = `look ${d.look} (${d.pairs} pairs), interval ${intervalText(d)} at ${percentText(d.confidence)} alone`;
      lines.push(`${name}: ${METRIC_LABEL[metric]} ${d.verdict}, median ${medianText(d)} at ${at}`);
    }
    return lines;
  });
}

/** The `--aa` result in words: what the noise is and what the gate can see through it. */
export function calibrationLines(study: AbStudy): string[] {
  const { calibration } = study;
  if (!calibration) return [];
  const last = study.looks.at(-1) ?? study.maxPairs;
  return AB_METRICS.map((metric) => {
    const spread = calibration.spread[metric];
    const mde = calibration.minimumDetectableEffect[metric];
    const spreadText = spread === null ? 'not measured' : `±${percentText(spread)} between the rounds of a pair`;
    const mdeText =
      mde === null
        ? 'no change is detectable at these settings (too few pairs for α): raise --max-rounds'
        : `smallest change caught in 80 % of runs at ${last} pairs: ${metric === 'throughput' ? '−' : '+'}${percentText(mde)}`;
    return `${METRIC_LABEL[metric]}: spread ${spreadText}; ${mdeText}`;
  });
}
