/**
 * The HTML report's section for each results file written by `bench ab`: the sides, the
 * verdicts with each metric's median ratio and interval, how the repeated looks were
 * corrected, the `--aa` calibration, and per cell the strip chart of its pairs (drawn by the
 * report's chart script from the same JSON block as every other chart). Empty for other
 * files, so their reports look as before.
 */
import type { AbStudy } from '../../runners/contract/ab.js';
import type { RunResult } from '../../runners/contract/results.js';
import { abOf } from '../ab-of.js';
import { AB_HEADERS, abRow } from '../terminal/ab-table.js';
import { calibrationLines, cellNotes, settingsText, sideText, summaryText } from '../format/ab-text.js';
import type { ChartSet } from '../charts/charts.js';
import { escapeHtml } from './html-escape.js';

const VERDICT_CLASS: Record<string, string> = { regressed: 'status-errored', inconclusive: 'status-skipped' };

function verdictTable(study: AbStudy): string {
  const last = AB_HEADERS.length - 1;
  const rows = study.cells.map((cell) => {
    const cells = abRow(cell).map((text, i) => {
      if (i === last) return `<td class="${VERDICT_CLASS[cell.verdict] ?? ''}">${escapeHtml(text)}</td>`;
      return `<td${i >= 5 ? ' class="num"' : ''}>${escapeHtml(text)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return (
    `<div class="table-scroll"><table class="ab-verdicts"><thead><tr>${AB_HEADERS.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table></div>`
  );
}

const list = (lines: readonly string[], className: string): string =>
  lines.length === 0 ? '' : `<ul class="${className}">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;

export function renderAbSections(results: readonly RunResult[], set: ChartSet): string {
  return results
    .flatMap((result, fileIndex) => {
      const study = abOf(result);
      if (!study) return [];
      const charts = set.studies
        .filter((chart) => chart.fileIndex === fileIndex && chart.kind === 'ab-ratios')
        .map(
          (chart) =>
            `<figure><div class="chart-box"><canvas id="chart-${escapeHtml(chart.id)}" role="img" aria-label="${escapeHtml(chart.title)}"></canvas></div></figure>`,
        );
      const calibration = calibrationLines(study);
      return [
        `<section class="ab" id="ab-${fileIndex + 1}">
<h2>A/B${study.aa ? ' calibration (--aa)' : ''}: ${escapeHtml(summaryText(study))}${results.length > 1 ? ` · run <code>${escapeHtml(result.runId)}</code>` : ''}</h2>
<p>A = ${escapeHtml(sideText(study.sides.a))} · B = ${escapeHtml(sideText(study.sides.b))}, measured interleaved in the same job.</p>
<p class="muted">${escapeHtml(settingsText(study))}.</p>
${verdictTable(study)}
<p class="muted">Looks: ${escapeHtml(study.correction)}.</p>
${list(cellNotes(study), 'ab-notes')}
${calibration.length === 0 ? '' : `<h3>A/A calibration</h3>${list(calibration, 'ab-calibration')}`}
<div class="charts">${charts.join('\n')}</div>
</section>`,
      ];
    })
    .join('\n');
}
