/**
 * The one Chart.js plugin our charts need, run by both renderers: node-canvas for PNGs
 * and the browser for the HTML report. html.ts inlines `createChartPlugin.toString()`,
 * so the function body must stay self-contained: no imports at run time, no references
 * to anything outside it, nothing that only Node or only a browser has.
 */
import type { Chart, Plugin } from 'chart.js';

/** Extra fields a dataset in charts.ts may carry; Chart.js ignores fields it does not know. */
export interface DatasetExtras {
  /** Per bar: [low, high] drawn as an error bar, or null for none. */
  whiskers?: Array<[number, number] | null>;
  /**
   * The legend swatch. Bars are coloured per strategy, so Chart.js would otherwise pick
   * one strategy's colour for a dataset that spans them all.
   */
  legendSwatch?: { fill: string; stroke: string; lineWidth: number };
  /** Per point: a text drawn beside it (a study's crossovers), or null for none. */
  pointLabels?: Array<string | null>;
  /**
   * The whiskers' colour: a line's own, so each interval reads as its strategy's. Absent:
   * near-black, which shows on every bar colour.
   */
  whiskerColour?: string;
}

export const CHART_PLUGIN_ID = 'benchWhiskers';

export function createChartPlugin(): Plugin {
  return {
    id: 'benchWhiskers',

    // Chart.js labels a log axis at 1…9 × 10^n with a shared number of decimals ("60.0",
    // "0.2"); keeping only 1, 2 and 5 × 10^n, unpadded, makes the axis readable. A callback
    // cannot travel in the JSON configuration, so the plugin installs it.
    beforeInit(chart: Chart) {
      const scales = chart.config.options?.scales ?? {};
      for (const scale of Object.values(scales)) {
        if (!scale || scale.type !== 'logarithmic') continue;
        scale.ticks ??= {};
        scale.ticks.callback = (value: number | string) => {
          const number = Number(value);
          if (!(number > 0)) return null;
          const mantissa = number / 10 ** Math.floor(Math.log10(number) + 1e-9);
          if (![1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6)) return null;
          return number >= 1000 ? number.toLocaleString('en-US') : String(Number(number.toPrecision(3)));
        };
      }
    },

    // Runs after the legend plugin's own afterUpdate (inline plugins come after registered
    // ones), which is where the legend items were just built.
    afterUpdate(chart: Chart) {
      const items = chart.legend?.legendItems ?? [];
      for (const item of items) {
        const dataset = item.datasetIndex === undefined ? undefined : chart.data.datasets[item.datasetIndex];
        const swatch = (dataset as DatasetExtras | undefined)?.legendSwatch;
        if (!swatch) continue;
        item.fillStyle = swatch.fill;
        item.strokeStyle = swatch.stroke;
        item.lineWidth = swatch.lineWidth;
      }
    },

    afterDatasetsDraw(chart: Chart) {
      const ctx = chart.ctx;
      const area = chart.chartArea;
      chart.data.datasets.forEach((dataset, datasetIndex) => {
        const labels = (dataset as DatasetExtras).pointLabels;
        if (!labels || !chart.isDatasetVisible(datasetIndex)) return;
        ctx.save();
        ctx.font = 'bold 12px sans-serif';
        ctx.textBaseline = 'bottom';
        ctx.lineJoin = 'round';
        chart.getDatasetMeta(datasetIndex).data.forEach((element, index) => {
          const text = labels[index];
          if (!text) return;
          const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
          // Left of the point when the text would run off the plot's right edge.
          const width = ctx.measureText(text).width;
          const left = x + 10 + width > area.right;
          ctx.textAlign = left ? 'right' : 'left';
          // Nor off its left edge (a phone's narrow plot): slid right as far as it must.
          const tx = left ? Math.max(x - 10, area.left + width) : x + 10;
          // Every other label below its point: crossovers often share a height (1× on a speedup chart).
          const ty = Math.min(area.bottom - 2, Math.max(area.top + 14, index % 2 === 0 ? y - 8 : y + 22));
          ctx.strokeStyle = '#ffffff';
          ctx.lineWidth = 4;
          ctx.strokeText(text, tx, ty);
          ctx.fillStyle = '#111111';
          ctx.fillText(text, tx, ty);
        });
        ctx.restore();
      });
      // Horizontal bars (narrow-chart.ts, on a phone) have their values across: the whisker runs along x.
      const across = chart.options.indexAxis === 'y';
      chart.data.datasets.forEach((dataset, datasetIndex) => {
        const { whiskers, whiskerColour } = dataset as DatasetExtras;
        if (!whiskers || !chart.isDatasetVisible(datasetIndex)) return;
        const meta = chart.getDatasetMeta(datasetIndex);
        const axisId = across ? meta.xAxisID : meta.yAxisID;
        const scale = axisId === undefined ? undefined : chart.scales[axisId];
        if (!scale) return;
        // Value positions run from `low` (the axis' zero end) to `high` (its far end) in pixels.
        const [low, high] = across ? [area.left, area.right] : [area.bottom, area.top];
        const toPixel = (value: number): number => {
          // A log axis cannot place zero or less; pin such ends to the start of the plot.
          const pixel = scale.type === 'logarithmic' && value <= 0 ? low : scale.getPixelForValue(value);
          return Math.min(Math.max(low, high), Math.max(Math.min(low, high), pixel));
        };
        // (along the category, along the value) → canvas (x, y).
        const point = (along: number, at: number): [number, number] => (across ? [at, along] : [along, at]);
        meta.data.forEach((element, index) => {
          const range = whiskers[index];
          if (!range) return;
          const props = element.getProps(['x', 'y', 'width', 'height'], true) as { x: number; y: number; width: number; height: number };
          const centre = across ? props.y : props.x;
          const thickness = across ? props.height : props.width;
          const far = Math.max(range[0], range[1]);
          const end = toPixel(far);
          const start = toPixel(Math.min(range[0], range[1]));
          // The axis stops short of very wide intervals so the bars stay readable; such a
          // whisker ends in an arrow at the far edge of the plot instead of a cap.
          const farPixel = scale.getPixelForValue(far);
          const clipped = across ? farPixel > area.right + 0.5 : farPixel < area.top - 0.5;
          // A point (a study's line charts) has no width: a fixed cap.
          const cap = Number.isFinite(thickness) ? Math.max(3, Math.min(8, thickness / 4)) : 5;
          const back = across ? -cap : cap;
          ctx.save();
          ctx.strokeStyle = whiskerColour ?? '#1a1a1a';
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.moveTo(...point(centre, end));
          ctx.lineTo(...point(centre, start));
          ctx.moveTo(...point(centre - cap, start));
          ctx.lineTo(...point(centre + cap, start));
          if (clipped) {
            ctx.moveTo(...point(centre - cap, end + back));
            ctx.lineTo(...point(centre, end));
            ctx.lineTo(...point(centre + cap, end + back));
          } else {
            ctx.moveTo(...point(centre - cap, end));
            ctx.lineTo(...point(centre + cap, end));
          }
          ctx.stroke();
          ctx.restore();
        });
      });
    },
  };
}
