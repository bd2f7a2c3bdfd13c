/**
 * `bench ab` in the terminal: one row per cell with its pairs, each metric's median B ÷ A
 * ratio and interval, and the verdict; then how the repeated looks were corrected, so a
 * reader can check the verdicts by hand against the rounds in the results file.
 */
import type { AbCell, AbStudy } from '../../runners/contract/ab.js';
import { terminalSafe } from '../format/numbers.js';
import { calibrationLines, cellNotes, intervalText, medianText, settingsText, sideText, summaryText } from '../format/ab-text.js';

export const AB_HEADERS = [
  'suite',
  'size',
  'strategy',
  'runtime',
  'workers',
  'pairs',
  'throughput B÷A',
  'interval',
  'p50 B÷A',
  'interval',
  'verdict',
];

/** Columns from `pairs` to the metrics are numbers: right-aligned. */
const FIRST_NUMERIC = 5;
const VERDICT_COLUMN = AB_HEADERS.length - 1;

/** The figures of one cell, as text; shared with the markdown table. */
export function abRow(cell: AbCell): string[] {
  const { throughput, p50 } = cell.decisions;
  const pairs = Math.max(throughput?.pairs ?? 0, p50?.pairs ?? 0);
  return [
    cell.key.suite,
    String(cell.key.size),
    cell.key.strategy,
    cell.key.runtime,
    String(cell.key.workers),
    String(pairs),
    medianText(throughput),
    intervalText(throughput),
    medianText(p50),
    intervalText(p50),
    cell.verdict + (cell.error ? ` (side ${cell.error.side.toUpperCase()} errored)` : ''),
  ];
}

function layout(table: string[][]): string {
  const widths = AB_HEADERS.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0)));
  return table
    .map((row) =>
      row
        .map((text, column) =>
          column >= FIRST_NUMERIC && column < VERDICT_COLUMN ? text.padStart(widths[column]!) : text.padEnd(widths[column]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function renderAbTable(study: AbStudy): string {
  const notes = cellNotes(study);
  const calibration = calibrationLines(study);
  return terminalSafe(
    [
      `bench ab${study.aa ? ' --aa' : ''}: A = ${sideText(study.sides.a)} · B = ${sideText(study.sides.b)}`,
      settingsText(study),
      '',
      layout([AB_HEADERS, ...study.cells.map(abRow)]),
      '',
      summaryText(study),
      `looks: ${study.correction}`,
      ...(notes.length > 0 ? ['', 'Notes:', ...notes.map((line) => `- ${line}`)] : []),
      ...(calibration.length > 0 ? ['', 'A/A calibration (both sides ran the same code):', ...calibration.map((line) => `- ${line}`)] : []),
    ].join('\n'),
  );
}
