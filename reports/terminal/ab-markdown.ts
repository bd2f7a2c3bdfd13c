/**
 * `bench ab --markdown`: the job summary of a pull request's A/B gate, in the shape of
 * `bench compare --markdown` (a headline with a mark, a table, notes, the method in small
 * print). Every string from the results goes through escapeMarkdown: suite names are user input.
 */
import type { AbStudy } from '../../runners/contract/ab.js';
import { escapeMarkdown } from './compare-render.js';
import { AB_HEADERS, abRow } from './ab-table.js';
import { calibrationLines, cellNotes, countAbVerdicts, percentText, settingsText, sideText, summaryText } from '../format/ab-text.js';

export function renderAbMarkdown(study: AbStudy): string {
  const counts = countAbVerdicts(study.cells);
  const mark = counts.regressed > 0 ? '❌' : counts.inconclusive > 0 ? '⚠️' : '✅';
  const numeric = (i: number): boolean => i >= 5 && i < AB_HEADERS.length - 1;
  const rows = study.cells.map((cell) => {
    const escaped = abRow(cell).map(escapeMarkdown);
    const last = escaped.length - 1;
    // Bold the verdict of every cell that is not plainly fine.
    if (cell.verdict === 'regressed' || cell.verdict === 'inconclusive') escaped[last] = `**${escaped[last]}**`;
    return `| ${escaped.join(' | ')} |`;
  });
  const notes = cellNotes(study);
  const calibration = calibrationLines(study);
  return [
    `### ${mark} bench ab${study.aa ? ' --aa' : ''}: ${summaryText(study)}`,
    '',
    `A = ${escapeMarkdown(sideText(study.sides.a))} → B = ${escapeMarkdown(sideText(study.sides.b))}; ` +
      `threshold ±${percentText(study.threshold)}, α ${study.alpha}, measured interleaved in the same job.`,
    '',
    `| ${AB_HEADERS.join(' | ')} |`,
    `|${AB_HEADERS.map((_, i) => (numeric(i) ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows,
    '',
    ...(notes.length > 0 ? ['**Notes**', '', ...notes.map((line) => `- ${escapeMarkdown(line)}`), ''] : []),
    ...(calibration.length > 0
      ? ['**A/A calibration** (both sides ran the same code)', '', ...calibration.map((line) => `- ${escapeMarkdown(line)}`), '']
      : []),
    `<sub>${escapeMarkdown(settingsText(study))}; looks: ${escapeMarkdown(study.correction)}</sub>`,
    '',
  ].join('\n');
}
