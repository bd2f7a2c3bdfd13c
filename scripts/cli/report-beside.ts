/**
 * The report a measuring command writes beside its results file: `<run-id>.html` and the
 * PNG charts in `<run-id>/`. A missing canvas costs the charts, not the run: the results
 * and the HTML page are written, and one line says how to enable the charts.
 */
import { pngSkippedLine, writeReports } from '../../reports/write-reports.js';
import type { RunResult } from '../../runners/contract/results.js';

export async function writeReportBeside(result: RunResult, resultsPath: string): Promise<void> {
  if (!result.cells.some((cell) => cell.status === 'completed')) return;
  const base = resultsPath.replace(/\.json$/, '');
  const written = await writeReports([result], { htmlPath: `${base}.html`, pngDir: base });
  if (written.pngSkipped === undefined) {
    process.stderr.write(`report: ${written.htmlPath} and ${written.pngPaths.length} PNG charts in ${base}/\n`);
    return;
  }
  process.stderr.write(`report: ${written.htmlPath}\n${pngSkippedLine(written.pngSkipped)}\n`);
}
