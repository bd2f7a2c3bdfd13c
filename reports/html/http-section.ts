/**
 * The HTML report's HTTP blocks beside the cell table: each runtime's server alone (GET /noop),
 * and requests/s against workers (--workers-list, the Bun article's experiment), from the same
 * rows the terminal prints (reports/http-grids.ts). Empty for files without them.
 */
import type { RunResult } from '../../runners/contract/results.js';
import { type Grid, httpWorkersGrid, noopGrid } from '../http-grids.js';
import { strategyLabeller } from '../format/strategy-label.js';
import { escapeHtml } from './html-escape.js';

function gridTable(grid: Grid, className: string): string {
  const cell = (tag: 'th' | 'td', text: string, column: number): string =>
    `<${tag}${column >= grid.names ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  return (
    `<p class="muted">${escapeHtml(grid.caption)}</p>` +
    `<div class="table-scroll"><table class="${className}"><thead><tr>${grid.head.map((h, i) => cell('th', h, i)).join('')}</tr></thead>` +
    `<tbody>${grid.rows.map((row) => `<tr>${row.map((text, i) => cell('td', text, i)).join('')}</tr>`).join('\n')}</tbody></table></div>`
  );
}

/** `fileLabel`: how the report names each file where it shows several. */
export function renderHttpSection(results: readonly RunResult[], fileLabel: (fileIndex: number) => string): string {
  const blocks = results.flatMap((result, fileIndex) => {
    const grids = [
      [noopGrid(result), 'http-noop'],
      [httpWorkersGrid(result, strategyLabeller(result.cells)), 'http-workers'],
    ] as const;
    const tables = grids.flatMap(([grid, name]) => (grid === undefined ? [] : [gridTable(grid, name)]));
    if (tables.length === 0) return [];
    return [`${results.length > 1 ? `<h3>${escapeHtml(fileLabel(fileIndex))}</h3>` : ''}${tables.join('\n')}`];
  });
  if (blocks.length === 0) return '';
  return `<section id="http">
<h2>HTTP</h2>
${blocks.join('\n')}
</section>`;
}
