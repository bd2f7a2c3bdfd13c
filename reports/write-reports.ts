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
import { PngUnavailableError, writePngCharts } from './charts/png.js';

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
  /** PNG charts were asked for and canvas cannot draw them here: why, and how to enable them. */
  pngSkipped?: PngUnavailableError;
}

export async function writeReports(results: RunResult[], options: ReportOptions): Promise<WrittenReports> {
  if (results.length === 0) throw new RangeError('writeReports needs at least one results file');
  const set = buildCharts(results);
  const written: WrittenReports = { pngPaths: [] };
  // The HTML report first: it draws with the browser's Chart.js and needs nothing native.
  if (options.htmlPath !== undefined) {
    await writeFileAtomic(options.htmlPath, renderHtml(results, set, buildTrendCharts(options.history ?? [])));
    written.htmlPath = options.htmlPath;
  }
  if (options.pngDir !== undefined) {
    try {
      written.pngPaths = await writePngCharts([...set.charts, ...set.studies], options.pngDir);
    } catch (error) {
      if (!(error instanceof PngUnavailableError)) throw error;
      written.pngSkipped = error;
    }
  }
  return written;
}

/**
 * The one line a command prints when canvas cannot draw the PNG charts it asked for.
 * `quiet`: the flag of that command that stops asking for them, where it has one.
 */
export function pngSkippedLine(skipped: PngUnavailableError, quiet?: string): string {
  const line = `PNG charts skipped: ${skipped.message}; to enable them: ${skipped.enable} (README "Reports")`;
  return quiet === undefined ? line : `${line}, or pass ${quiet}`;
}
