/**
 * The one entry point that turns results into report files: charts are built once and
 * rendered both ways, so the PNGs and the HTML page cannot disagree.
 */
import type { RunResult } from '../runners/contract/results.js';
import { buildCharts } from './charts/charts.js';
import type { HistoryEntry } from './history.js';
import { renderHtml } from './html/html.js';
import { buildTrendCharts } from './charts/trend-chart.js';
import { writeFileAtomic } from '../runners/common/write-atomic.js';
import { errorMessage } from '../runners/common/error-message.js';

export interface ReportOptions {
  /** Where to write the HTML report; none when absent. */
  htmlPath?: string;
  /** Directory for one PNG per chart, named `<suite>-<chart>.png`; none when absent. */
  pngDir?: string;
  /** Runs from results/history.jsonl: the HTML report gains a trend chart per suite. */
  history?: readonly HistoryEntry[];
}

export interface WrittenReports {
  htmlPath?: string;
  pngPaths: string[];
}

export async function writeReports(results: RunResult[], options: ReportOptions): Promise<WrittenReports> {
  if (results.length === 0) throw new RangeError('writeReports needs at least one results file');
  const set = buildCharts(results);
  const written: WrittenReports = { pngPaths: [] };
  if (options.htmlPath !== undefined) {
    await writeFileAtomic(options.htmlPath, renderHtml(results, set, buildTrendCharts(options.history ?? [])));
    written.htmlPath = options.htmlPath;
  }
  if (options.pngDir !== undefined) {
    const { writePngCharts } = await loadPngRenderer();
    written.pngPaths = await writePngCharts([...set.charts, ...set.studies], options.pngDir);
  }
  return written;
}

/** The PNG renderer could not load: canvas, a native addon, is missing or did not build. */
export class PngUnavailableError extends Error {}

/**
 * Loaded only when PNGs are asked for, so that a machine where canvas did not build can
 * still measure and write the HTML report. canvas itself is loaded first: chartjs-node-canvas
 * requires it only when the first chart renders, after some files would be written.
 */
async function loadPngRenderer(): Promise<typeof import('./charts/png.js')> {
  try {
    await import('canvas');
    return await import('./charts/png.js');
  } catch (error) {
    const reason = errorMessage(error, { firstLine: true });
    throw new PngUnavailableError(
      `PNG charts need the canvas package, which did not load (${reason}): run bash scripts/setup.sh, which installs what canvas builds from (README "Reports")`,
    );
  }
}
