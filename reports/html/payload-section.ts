/**
 * The HTML report's section for each results file that holds a payload study: the answer
 * in words, one table row per transport and size, and the two log–log charts (drawn by
 * the report's chart script from the same JSON block as every other chart). Empty for
 * other files.
 */
import type { RunResult } from '../../runners/contract/results.js';
import type { PayloadStudy } from '../../runners/contract/payload-study.js';
import type { ChartSet } from '../charts/charts.js';
import { payloadStudyOf } from '../payload-of.js';
import { formatMbPerSec, formatPayloadBytes, formatRoundTrip, formatShare, seriesLabeller } from '../format/payload-format.js';
import { escapeHtml } from './html-escape.js';

const td = (text: string, numeric = false): string => `<td${numeric ? ' class="num"' : ''}>${escapeHtml(text)}</td>`;

function pointsTable(study: PayloadStudy): string {
  const label = seriesLabeller(study.transports);
  const rows = study.transports.flatMap((s) =>
    s.points.map(
      (p) =>
        `<tr>${td(label(s))}${td(s.strategy)}${td(s.transport)}${td(s.runtime)}${td(formatPayloadBytes(p.bytes), true)}` +
        `${td(formatRoundTrip(p.roundTripMs), true)}${td(formatRoundTrip(p.roundTripP99Ms), true)}${td(formatRoundTrip(p.runMs), true)}` +
        `${td(formatMbPerSec(p.mbPerSec), true)}${td(formatShare(p.transportShare), true)}${td(formatMbPerSec(p.memcpyMbPerSec), true)}</tr>`,
    ),
  );
  return (
    `<div class="table-scroll"><table class="payload-points"><thead><tr><th>series</th><th>strategy</th><th>transport</th><th>runtime</th>` +
    `<th>payload (one way)</th><th>round trip p50</th><th>round trip p99</th><th>run alone</th><th>MB/s both ways</th>` +
    `<th>transport share</th><th>memcpy MB/s</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`
  );
}

function missingList(study: PayloadStudy): string {
  const label = seriesLabeller(study.transports);
  const items = study.transports.flatMap((s) =>
    s.missing.map((line) => `<li><strong>${escapeHtml(label(s))}</strong>: ${escapeHtml(line)}</li>`),
  );
  return items.length === 0 ? '' : `<h3>Not measured</h3><ul class="payload-missing">${items.join('\n')}</ul>`;
}

export function renderPayloadSections(results: readonly RunResult[], set: ChartSet): string {
  return results
    .flatMap((result, fileIndex) => {
      const study = payloadStudyOf(result);
      if (!study) return [];
      const charts = set.studies
        .filter((chart) => chart.fileIndex === fileIndex && chart.kind.startsWith('study-payload'))
        .map(
          (chart) =>
            `<figure><div class="chart-box"><canvas id="chart-${escapeHtml(chart.id)}" role="img" aria-label="${escapeHtml(chart.title)}"></canvas></div></figure>`,
        );
      const incomplete = study.complete
        ? ''
        : '<p class="banner incomplete">This study was interrupted: the analysis covers the cells it measured.</p>';
      const memcpy = study.memcpyMbPerSec === null ? 'not measured' : formatMbPerSec(study.memcpyMbPerSec);
      return [
        `<section class="study payload-study" id="payload-study-${fileIndex + 1}">
<h2>Payload study: what moving the payload costs, per transport${results.length > 1 ? ` · run <code>${escapeHtml(result.runId)}</code>` : ''}</h2>
${incomplete}
<div class="charts">${charts.join('\n')}</div>
<h3>Round trip, rate and the transport's share by payload</h3>
<p class="muted">Round trip: one task in flight, submit to output. Run alone: the suite's run timed on the cell's own thread, with no transport. Transport share: (round trip − run) ÷ round trip. memcpy: Buffer.copy of the same size in the same cells; the machine's rate (largest size): ${escapeHtml(memcpy)}.</p>
${pointsTable(study)}
${missingList(study)}
</section>`,
      ];
    })
    .join('\n');
}
