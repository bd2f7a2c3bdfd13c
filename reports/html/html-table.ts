/**
 * The HTML report's table of every cell with every figure, rendered on the server side
 * (it reads fine with scripts off) and sorted in the page by clicking a column header.
 */
import type { CellResult } from '../../runners/contract/results.js';
import { escapeHtml } from './html-escape.js';
import type { StrategyPalette } from '../charts/palette.js';
import { completed, speedupOf, type Series } from '../charts/series.js';
import { transportOf } from '../format/strategy-label.js';
import { CPU_COLUMNS } from './cpu-cells.js';
import { HTTP_COLUMNS } from './http-columns.js';

export interface Row {
  series: Series;
  cell: CellResult;
}

export interface Column {
  group: string;
  head: string;
  /** Shown on hover: what the figure is and its unit. */
  help: string;
  numeric: boolean;
  /** Sentences (reasons) may wrap; names and figures read best unbroken. */
  wrap?: true;
  value: (row: Row) => string | number | undefined;
  /** How a number reads; formatNumber where absent. */
  format?: (value: number) => string;
  /** Shown on hovering the cell (why a figure is what it is), where there is something to say. */
  title?: (row: Row) => string | undefined;
}

/** Three significant digits, thousands grouped: enough to compare, short enough to scan. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const done = (row: Row) => completed(row.cell);
const MIB = 1024 * 1024;

/** Shown only where some cell recorded a setup() time: a suite without one leaves the table as it was. */
const SETUP_HEAD = 'setup ms';

const COLUMNS: Column[] = [
  { group: 'cell', head: 'run', help: 'results file and runtime', numeric: false, value: (r) => r.series.label },
  { group: 'cell', head: 'suite', help: 'workload', numeric: false, value: (r) => r.cell.suite },
  { group: 'cell', head: 'size', help: 'the suite’s size knob', numeric: true, value: (r) => r.cell.size },
  { group: 'cell', head: 'strategy', help: 'concurrency strategy', numeric: false, value: (r) => r.cell.strategy },
  {
    group: 'cell',
    head: 'transport',
    help: 'how payloads travelled (clone, transfer, shared-memory, json, advanced…; see bench list)',
    numeric: false,
    value: (r) => transportOf(r.cell),
  },
  { group: 'cell', head: 'workers', help: 'workers or child processes', numeric: true, value: (r) => r.cell.workers },
  { group: 'cell', head: 'status', help: 'completed, errored or skipped', numeric: false, value: (r) => r.cell.status },
  {
    group: 'throughput',
    head: 'tasks/s',
    help: 'median over rounds, pool kept full',
    numeric: true,
    value: (r) => done(r)?.throughput.tasksPerSec,
  },
  {
    group: 'throughput',
    head: 'CI95 low',
    help: '95 % interval of the mean, tasks/s',
    numeric: true,
    value: (r) => done(r)?.throughput.ci95[0],
  },
  {
    group: 'throughput',
    head: 'CI95 high',
    help: '95 % interval of the mean, tasks/s',
    numeric: true,
    value: (r) => done(r)?.throughput.ci95[1],
  },
  {
    group: 'throughput',
    head: 'rounds',
    help: 'rounds measured (fresh processes)',
    numeric: true,
    value: (r) => done(r)?.throughput.rounds.length,
  },
  {
    group: 'throughput',
    head: 'speedup ×',
    help: 'tasks/s ÷ main-thread tasks/s',
    numeric: true,
    value: (r) => speedupOf(r.series, r.cell),
  },
  { group: 'latency, unloaded (ms)', head: 'mean', help: 'one task in flight, ms', numeric: true, value: (r) => done(r)?.latency.meanMs },
  { group: 'latency, unloaded (ms)', head: 'p50', help: 'one task in flight, ms', numeric: true, value: (r) => done(r)?.latency.p50Ms },
  { group: 'latency, unloaded (ms)', head: 'p75', help: 'one task in flight, ms', numeric: true, value: (r) => done(r)?.latency.p75Ms },
  { group: 'latency, unloaded (ms)', head: 'p99', help: 'one task in flight, ms', numeric: true, value: (r) => done(r)?.latency.p99Ms },
  { group: 'latency, unloaded (ms)', head: 'max', help: 'one task in flight, ms', numeric: true, value: (r) => done(r)?.latency.maxMs },
  { group: 'latency, unloaded (ms)', head: 'n', help: 'latency samples', numeric: true, value: (r) => done(r)?.latency.count },
  {
    group: 'latency under load (ms)',
    head: 'p50',
    help: 'submit → complete, pool kept full, ms',
    numeric: true,
    value: (r) => done(r)?.loadedLatency.p50Ms,
  },
  {
    group: 'latency under load (ms)',
    head: 'p99',
    help: 'submit → complete, pool kept full, ms',
    numeric: true,
    value: (r) => done(r)?.loadedLatency.p99Ms,
  },
  {
    group: 'latency under load (ms)',
    head: 'max',
    help: 'submit → complete, pool kept full, ms',
    numeric: true,
    value: (r) => done(r)?.loadedLatency.maxMs,
  },
  {
    group: 'event-loop delay (ms)',
    head: 'p50',
    help: 'main thread of the cell, under load, ms',
    numeric: true,
    value: (r) => done(r)?.eventLoopDelay.p50Ms,
  },
  {
    group: 'event-loop delay (ms)',
    head: 'p99',
    help: 'main thread of the cell, under load, ms',
    numeric: true,
    value: (r) => done(r)?.eventLoopDelay.p99Ms,
  },
  {
    group: 'event-loop delay (ms)',
    head: 'max',
    help: 'main thread of the cell, under load, ms',
    numeric: true,
    value: (r) => done(r)?.eventLoopDelay.maxMs,
  },
  {
    group: 'event-loop delay (ms)',
    head: 'method',
    help: 'histogram or timer-drift probe',
    numeric: false,
    value: (r) => done(r)?.eventLoopDelay.method,
  },
  ...CPU_COLUMNS,
  {
    group: 'cost',
    head: 'startup ms',
    help: 'median spawn → ready of a worker or child',
    numeric: true,
    value: (r) => done(r)?.startupMs ?? undefined,
  },
  {
    group: 'cost',
    head: SETUP_HEAD,
    help: 'median time of the suite’s setup() in each host (part of its startup), ms',
    numeric: true,
    value: (r) => done(r)?.setupMs,
  },
  {
    group: 'cost',
    head: 'peak RSS MiB',
    help: 'cell process plus its children',
    numeric: true,
    value: (r) => {
      const c = done(r);
      return c ? c.memory.peakRssBytes / MIB : undefined;
    },
  },
  {
    group: 'cost',
    head: 'verified',
    help: 'every output checked with the suite’s verify',
    numeric: false,
    value: (r) => (r.cell.verified ? 'yes' : 'no'),
  },
  {
    group: 'cost',
    head: 'why not completed',
    help: 'error or skip reason',
    numeric: false,
    wrap: true,
    value: (r) =>
      r.cell.status === 'errored'
        ? `${r.cell.error.message} (round ${r.cell.error.round})`
        : r.cell.status === 'skipped'
          ? r.cell.reason
          : undefined,
  },
];

function columnGroups(columns: Column[]): Array<{ group: string; span: number }> {
  const groups: Array<{ group: string; span: number }> = [];
  for (const column of columns) {
    const last = groups.at(-1);
    if (last?.group === column.group) last.span++;
    else groups.push({ group: column.group, span: 1 });
  }
  return groups;
}

function cellHtml(column: Column, row: Row, palette: StrategyPalette): string {
  const value = column.value(row);
  if (value === undefined) return column.numeric ? '<td class="num" data-sort="">—</td>' : '<td>—</td>';
  if (typeof value === 'number') {
    const title = column.title?.(row);
    const hover = title === undefined ? '' : ` title="${escapeHtml(title)}"`;
    return `<td class="num" data-sort="${value}"${hover}>${escapeHtml((column.format ?? formatNumber)(value))}</td>`;
  }
  if (column.head === 'strategy') {
    return `<td class="name key"><span class="swatch" style="background:${palette.colour(value)}"></span>${escapeHtml(value)}</td>`;
  }
  const className = column.wrap ? 'wrap' : column.head === 'status' ? `name status-${escapeHtml(value)}` : 'name';
  return `<td class="${className}">${escapeHtml(value)}</td>`;
}

/** One sortable table: a row of column groups over a row of sort buttons. */
function sortableTable(id: string, columns: Column[], rows: Row[], palette: StrategyPalette): string {
  const groupRow = columnGroups(columns)
    .map(({ group, span }) => `<th colspan="${span}" scope="colgroup">${escapeHtml(group)}</th>`)
    .join('');
  const headRow = columns
    .map(
      (column, i) =>
        `<th scope="col"${column.head === 'strategy' ? ' class="key"' : ''} data-col="${i}" data-numeric="${column.numeric}" title="${escapeHtml(column.help)}"><button type="button">${escapeHtml(column.head)}</button></th>`,
    )
    .join('');
  const body = rows.map((row) => `<tr>${columns.map((column) => cellHtml(column, row, palette)).join('')}</tr>`).join('\n');
  return `<div class="table-scroll"><table id="${id}" class="cells" data-sortable>
<thead><tr class="groups">${groupRow}</tr><tr>${headRow}</tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

/**
 * Rows in reading order: series, then suite in run order, then strategy in palette order.
 * `bench http` cells hold other figures than `bench run`'s: they get a table of their own
 * (#http-cells, HTTP_COLUMNS), with the same cell columns in front.
 */
export function renderCellTable(series: Series[], suites: string[], palette: StrategyPalette): string {
  const rows: Row[] = series.flatMap((s) =>
    [...s.cells]
      .sort((a, b) => suites.indexOf(a.suite) - suites.indexOf(b.suite) || palette.rank(a.strategy) - palette.rank(b.strategy))
      .map((cell) => ({ series: s, cell })),
  );
  const http = rows.filter((row) => row.cell.scenario === 'http');
  const batch = rows.filter((row) => row.cell.scenario !== 'http');
  const setUp = rows.some((row) => done(row)?.setupMs !== undefined);
  const columns = COLUMNS.filter((column) => (column.head !== 'run' || series.length > 1) && (column.head !== SETUP_HEAD || setUp));
  const httpColumns = [...columns.filter((column) => column.group === 'cell'), ...HTTP_COLUMNS, ...columns.filter((column) => column.wrap)];
  return [
    ...(batch.length > 0 || http.length === 0 ? [sortableTable('cells', columns, batch, palette)] : []),
    ...(http.length > 0 ? [sortableTable('http-cells', httpColumns, http, palette)] : []),
  ].join('\n');
}

/**
 * Inlined into the page with `.toString()`: must use nothing from outside its body.
 * Numeric columns sort by the raw value in `data-sort`; cells without a figure stay at
 * the bottom in both directions, so sorting never buries the numbers under dashes.
 */
export function installTableSort(): void {
  for (const table of Array.from(document.querySelectorAll<HTMLTableElement>('table[data-sortable]'))) {
    const heads = Array.from(table.querySelectorAll<HTMLTableCellElement>('thead th[data-col]'));
    const body = table.tBodies[0];
    if (!body) continue;
    for (const head of heads) {
      head.querySelector('button')?.addEventListener('click', () => {
        const column = Number(head.dataset['col']);
        const numeric = head.dataset['numeric'] === 'true';
        const ascending = head.getAttribute('aria-sort') !== 'ascending';
        for (const other of heads) other.removeAttribute('aria-sort');
        head.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const keyOf = (row: HTMLTableRowElement): number | string | null => {
          const cell = row.cells[column];
          if (!cell) return null;
          if (!numeric) return cell.textContent === '—' ? null : (cell.textContent ?? '');
          return cell.dataset['sort'] ? Number(cell.dataset['sort']) : null;
        };
        const rows = Array.from(body.rows).map((row) => ({ row, key: keyOf(row) }));
        rows.sort((a, b) => {
          if (a.key === null || b.key === null) return (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0);
          const order =
            typeof a.key === 'number' && typeof b.key === 'number'
              ? a.key - b.key
              : String(a.key).localeCompare(String(b.key), undefined, { numeric: true });
          return ascending ? order : -order;
        });
        body.append(...rows.map(({ row }) => row));
      });
    }
  }
}
