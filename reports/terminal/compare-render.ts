/**
 * A comparison as people read it: a terminal table, or markdown for a CI job summary.
 * Both show, per cell, the verdict, old → new, the change and the p-value of each metric,
 * and both state the statistical method, so a verdict can be checked by hand.
 */
import { formatChange, formatRate, terminalSafe } from '../format/numbers.js';
import { formatDuration } from '../../runners/common/format-duration.js';
import { describeMethod, type MetricComparison } from '../decide/compare/compare-metric.js';
import { countVerdicts, VERDICTS, type CellComparison, type Comparison } from '../decide/compare/compare.js';
import { strategyLabeller } from '../format/strategy-label.js';

const HEADERS = ['verdict', 'suite', 'size', 'strategy', 'runtime', 'workers', 'metric', 'old → new', 'change', 'p'];

function formatValue(metric: MetricComparison, value: number): string {
  if (metric.unit === 'tasks/s') return formatRate(value);
  if (metric.unit === 'ms') return formatDuration(value);
  return `${value.toFixed(2)}×`;
}

export const formatP = (p: number | null): string => (p === null ? '—' : p < 0.001 ? '<0.001' : p.toFixed(3));

/** One row per metric; a cell without metrics (new, missing, incomparable) gets one row. */
function rows(cell: CellComparison): string[][] {
  const lead = [
    cell.verdict + (cell.rerun ? (cell.rerun.confirmed ? ' (confirmed)' : ' (re-run)') : ''),
    cell.suite,
    String(cell.size),
    strategyLabeller([cell])(cell),
    cell.runtime,
    String(cell.workers),
  ];
  if (cell.metrics.length === 0) return [[...lead, '—', '—', '—', '—']];
  return cell.metrics.map((m, i) => [
    ...(i === 0 ? lead : lead.map(() => '')),
    m.name,
    `${formatValue(m, m.old)} → ${formatValue(m, m.new)}`,
    formatChange(m.change),
    m.verdict === 'untested' ? 'not tested' : formatP(m.pValue),
  ]);
}

function summaryLine(comparison: Comparison): string {
  const counts = countVerdicts(comparison.cells);
  return (
    VERDICTS.filter((verdict) => counts[verdict] > 0)
      .map((verdict) => `${counts[verdict]} ${verdict}`)
      .join(', ') || 'no cells'
  );
}

function settingsLine(comparison: Comparison): string {
  const { options } = comparison;
  const what = options.normalize
    ? "each figure ÷ main-thread's figure of the same round, within each run (--normalize)"
    : 'absolute figures';
  return `compared: ${what}; method: ${describeMethod(options)}`;
}

/** Why each cell that is not plainly unchanged got its verdict, re-runs included. */
function notes(comparison: Comparison): string[] {
  return comparison.cells.flatMap((cell) => {
    const lines: string[] = [];
    const name = `${cell.suite} (${cell.size}) × ${strategyLabeller([cell])(cell)} · ${cell.runtime} · ${cell.workers}w`;
    if (cell.rerun) {
      const first =
        cell.rerun.firstMetrics
          .filter((m) => m.verdict === 'regressed')
          .map((m) => `${m.name} ${formatChange(m.change)} (p ${formatP(m.pValue)})`)
          .join(', ') || 'it errored';
      lines.push(
        `${name}: regressed at first (${first}); a re-run of ${cell.rerun.rounds} fresh rounds ` +
          `${cell.rerun.confirmed ? 'confirmed it' : `cleared it: ${cell.verdict}`} (${cell.rerun.file})`,
      );
    }
    if (cell.reason && cell.verdict !== 'unchanged' && cell.verdict !== 'new' && cell.verdict !== 'missing')
      lines.push(`${name}: ${cell.reason}`);
    return lines;
  });
}

function layout(table: string[][]): string {
  const widths = HEADERS.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0)));
  return table
    .map((row) =>
      row
        .map((text, column) => (column >= 7 ? text.padStart(widths[column]!) : text.padEnd(widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function renderCompareTable(comparison: Comparison): string {
  const { baseline, current } = comparison;
  const header = `bench compare: baseline ${baseline.runId} (${baseline.file}) → ${current.runId} (${current.file})`;
  const lines = notes(comparison);
  return terminalSafe(
    [
      header,
      settingsLine(comparison),
      '',
      layout([HEADERS, ...comparison.cells.flatMap(rows)]),
      '',
      summaryLine(comparison),
      ...(lines.length > 0 ? ['', 'Notes:', ...lines.map((line) => `- ${line}`)] : []),
    ].join('\n'),
  );
}

/** Results files are user input (suite names, paths): nothing in them may become markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#&]/g, (ch) => `&#${ch.charCodeAt(0)};`).replace(/\r\n?|\n/g, ' ');
}

export function renderCompareMarkdown(comparison: Comparison): string {
  const { baseline, current } = comparison;
  const counts = countVerdicts(comparison.cells);
  const mark = counts.regressed > 0 ? '❌' : counts.inconclusive > 0 ? '⚠️' : '✅';
  const commit = (sha: string | null): string => (sha ? ` @ ${escapeMarkdown(sha.slice(0, 10))}` : '');
  const table = comparison.cells.flatMap(rows).map((row) => {
    const escaped = row.map(escapeMarkdown);
    // Bold the verdict of every cell that is not plainly fine.
    if (/^(regressed|inconclusive|incomparable)/.test(row[0] ?? '')) escaped[0] = `**${escaped[0]}**`;
    return `| ${escaped.join(' | ')} |`;
  });
  const lines = notes(comparison);
  return [
    `### ${mark} bench compare: ${summaryLine(comparison)}`,
    '',
    `Baseline ${escapeMarkdown(baseline.runId)}${commit(baseline.commit)} → ${escapeMarkdown(current.runId)}${commit(current.commit)}; ` +
      `threshold ${Math.round(comparison.options.threshold * 1000) / 10} %, α ${comparison.options.alpha}.`,
    '',
    `| ${HEADERS.join(' | ')} |`,
    `|${HEADERS.map((_, i) => (i >= 7 ? ' ---: ' : ' --- ')).join('|')}|`,
    ...table,
    '',
    ...(lines.length > 0 ? ['**Notes**', '', ...lines.map((line) => `- ${escapeMarkdown(line)}`), ''] : []),
    `<sub>${escapeMarkdown(settingsLine(comparison))}</sub>`,
    '',
  ].join('\n');
}
