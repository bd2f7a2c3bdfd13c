/**
 * PNG charts through chartjs-node-canvas, sized for a README or a pull-request comment.
 */
import { join } from 'node:path';
import type { ChartConfiguration } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { createChartPlugin } from './chart-plugin.js';
import type { BenchChart } from './charts.js';
import type { StudyChart } from './study-charts.js';
import { writeFileAtomic } from '../../runners/common/write-atomic.js';

export const PNG_WIDTH = 900;
export const PNG_HEIGHT = 500;

/** Renders every chart to `<dir>/<chart id>.png`; returns the paths in chart order. */
export async function writePngCharts(charts: ReadonlyArray<BenchChart | StudyChart>, dir: string): Promise<string[]> {
  if (charts.length === 0) return [];
  // One renderer for all charts: each construction loads a fresh copy of Chart.js.
  const renderer = new ChartJSNodeCanvas({ width: PNG_WIDTH, height: PNG_HEIGHT, backgroundColour: '#ffffff' });
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
