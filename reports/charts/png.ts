/**
 * PNG charts through chartjs-node-canvas, sized for a README or a pull-request comment.
 */
import { join } from 'node:path';
import type { ChartConfiguration } from 'chart.js';
import type { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { createChartPlugin } from './chart-plugin.js';
import type { BenchChart } from './charts.js';
import type { StudyChart } from './study-charts.js';
import { errorMessage } from '../../runners/common/error-message.js';
import { writeFileAtomic } from '../../runners/common/write-atomic.js';

export const PNG_WIDTH = 900;
export const PNG_HEIGHT = 500;

/** PNG charts cannot be drawn here: canvas, a native addon, is missing or did not build. */
export class PngUnavailableError extends Error {
  /** `reason`: why canvas did not load; `enable`: the command that would make it load. */
  constructor(
    reason: string,
    readonly enable: string,
  ) {
    super(`canvas does not load here (${reason})`);
  }
}

/**
 * canvas and chartjs-node-canvas are imported here, when PNGs are drawn, never at the top of a
 * module: canvas is a native addon that may not have built (no cairo on the machine, or npm
 * refused its install script in the user's project), and chartjs-node-canvas is an optional
 * dependency that npm leaves out when canvas fails to build. Either way the run and the HTML
 * report must go on. canvas is imported first: chartjs-node-canvas requires it only in its
 * constructor, where the failure would read as chartjs-node-canvas's.
 */
async function createRenderer(): Promise<ChartJSNodeCanvas> {
  try {
    await import('canvas');
    const { ChartJSNodeCanvas } = await import('chartjs-node-canvas');
    return new ChartJSNodeCanvas({ width: PNG_WIDTH, height: PNG_HEIGHT, backgroundColour: '#ffffff' });
  } catch (error) {
    const notInstalled = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    // Installed but its binary did not build or load: rebuilding it is the fix; not installed
    // at all: npm left the optional chartjs-node-canvas out because canvas failed to build.
    const enable = notInstalled ? 'npm install chartjs-node-canvas' : 'npm rebuild canvas';
    throw new PngUnavailableError(errorMessage(error, { firstLine: true }), enable);
  }
}

/** Renders every chart to `<dir>/<chart id>.png`; returns the paths in chart order. */
export async function writePngCharts(charts: ReadonlyArray<BenchChart | StudyChart>, dir: string): Promise<string[]> {
  if (charts.length === 0) return [];
  // One renderer for all charts: each construction loads a fresh copy of Chart.js.
  const renderer = await createRenderer();
  const paths: string[] = [];
  for (const chart of charts) {
    // structuredClone: the renderer writes into the configuration it is given.
    const config = { ...structuredClone(chart.config), plugins: [createChartPlugin()] };
    // Our configurations are typed by charts.ts, whose dataset types Chart.js does not know
    // (its mixed bar/line typing cannot express them), so they meet Chart.js's type here.
    const chartJsConfig: object = config;
    const png = await renderer.renderToBuffer(chartJsConfig as ChartConfiguration, 'image/png');
    const path = join(dir, `${chart.id}.png`);
    await writeFileAtomic(path, png);
    paths.push(path);
  }
  return paths;
}
