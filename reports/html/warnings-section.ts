/**
 * The report's measurement warnings as a list grouped by kind (format/warning-groups.ts): one
 * card per kind: what it affects, each warning's own detail (past the first few, folded
 * away), and what to change. A table of one row per warning ran to ~540 px a
 * row on a phone and repeated the same hint twenty times.
 */
import type { RunResult } from '../../runners/contract/results.js';
import type { Series } from '../charts/series.js';
import { groupWarnings, type GroupedWarning } from '../format/warning-groups.js';
import { escapeHtml } from './html-escape.js';

/** A group with more warnings than this shows the first SHOWN and folds the rest. */
const OPEN_UP_TO = 2;
const SHOWN = 1;

const item = (w: GroupedWarning): string => `<li><span class="where">${escapeHtml(w.where)}</span>: ${escapeHtml(w.detail)}</li>`;

export function renderWarnings(results: readonly RunResult[], series: readonly Series[]): string {
  const groups = groupWarnings(results, series);
  if (groups.length === 0) return '<p id="warnings">No measurement warnings.</p>';
  const cards = groups.map((group) => {
    const { warnings } = group;
    const count = warnings.length === 1 ? '' : ` <span class="muted">· ${warnings.length} warnings</span>`;
    const affects =
      warnings.length === 1
        ? ''
        : `<p class="affects"><span class="muted">Affects:</span> ${group.affects.map((line) => escapeHtml(line)).join('; ')}</p>`;
    const hints = group.hints.map((hint) => `<p class="hint"><span class="muted">What to change:</span> ${escapeHtml(hint)}</p>`).join('');
    const open = warnings.length > OPEN_UP_TO ? warnings.slice(0, SHOWN) : warnings;
    const folded = warnings.slice(open.length);
    const more =
      folded.length === 0
        ? ''
        : `<details><summary>${folded.length} more</summary><ul class="details">${folded.map(item).join('')}</ul></details>`;
    return (
      `<li class="warning-group" data-kind="${escapeHtml(group.kind)}"><p class="warning-head"><strong class="kind">${escapeHtml(group.kind)}</strong>${count}</p>` +
      `${affects}<ul class="details">${open.map(item).join('')}</ul>${more}${hints}</li>`
    );
  });
  return `<ul id="warnings" class="warning-groups">\n${cards.join('\n')}\n</ul>`;
}
