/**
 * A chart laid out for a phone-width box. At 390 px the desktop layout kept ~50 px of plot:
 * the title, a one-line subtitle and a legend above it, rotated strategy names below it.
 * Here bar charts turn horizontal (strategy names read across, on one or two lines, no
 * rotation), titles wrap onto lines of their own, the legend moves below the plot, and the
 * box is as tall as the bars need, so the plot keeps most of the width and a useful height.
 *
 * html.ts inlines `narrowChart.toString()` into the report, so the function body must stay
 * self-contained: no imports at run time, no references to anything outside it. The PNG
 * charts never go through it: they are drawn at the desktop size.
 */

interface Font {
  size?: number;
  weight?: string;
}

interface Text {
  display?: boolean;
  text?: string | string[];
  font?: Font;
}

interface Axis {
  type?: string;
  stacked?: boolean;
  title?: Text;
  ticks?: { font?: Font; autoSkip?: boolean; maxRotation?: number; minRotation?: number };
  [option: string]: unknown;
}

interface Dataset {
  type?: string;
  label?: string;
  indexAxis?: string;
  /** Stacked bars (phase charts): one bar per stack in each category. */
  stack?: string;
}

/** The parts of a Chart.js configuration this layout reads and changes: a structural view of charts.ts's and the study charts'. */
export interface NarrowConfig {
  type: string;
  data: { labels?: Array<string | string[]>; datasets: Dataset[] };
  options?: {
    indexAxis?: string;
    plugins?: {
      title?: Text;
      subtitle?: Text;
      legend?: {
        display?: boolean;
        position?: string;
        labels?: { font?: Font; boxWidth?: number; boxHeight?: number; pointStyleWidth?: number };
      };
    };
    scales?: Record<string, Axis | undefined>;
    [option: string]: unknown;
  };
}

/** Below this box width (CSS px) the report draws charts with narrowChart. */
export const NARROW_CHART_WIDTH = 560;

/**
 * A bar chart with more strategies than this is drawn with narrowChart at any width: on a
 * desktop its names would be rotated and its status lines ("(skipped on bun)") would take a
 * third of the box from the plot.
 */
export const CROWDED_BARS = 6;

/**
 * `width`: the chart box's width in CSS px (a phone's, or a desktop's for a crowded bar chart:
 * there the text is a little larger and names stay whole). Returns a new configuration (the
 * input is not changed) and the box height it needs.
 */
export function narrowChart(input: NarrowConfig, width: number): { config: NarrowConfig; height: number } {
  const config = JSON.parse(JSON.stringify(input)) as NarrowConfig;
  const options = config.options ?? {};
  config.options = options;
  const plugins = options.plugins ?? {};
  options.plugins = plugins;
  // An average glyph of the report's sans-serif is a little over half its size: enough to plan lines.
  const glyph = (size: number): number => size * 0.56;
  const wrap = (text: string | string[] | undefined, size: number, room: number): string[] => {
    const perLine = Math.max(10, Math.floor(room / glyph(size)));
    const lines: string[] = [];
    for (const paragraph of Array.isArray(text) ? text : [text ?? '']) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line !== '' && line.length + 1 + word.length > perLine) {
          lines.push(line);
          line = word;
        } else {
          line = line === '' ? word : `${line} ${word}`;
        }
      }
      lines.push(line);
    }
    return lines;
  };
  const wide = width >= 560;
  const k = wide ? 1.15 : 1;
  const SIZES = { title: 14 * k, subtitle: 11 * k, ticks: 11 * k, names: 10.5 * k, axisTitle: 11.5 * k, legend: 11 * k, line: 1.3 };
  let header = 8;
  const { title, subtitle, legend } = plugins;
  if (title && title.display !== false) {
    title.text = wrap(title.text, SIZES.title, width - 16);
    title.font = { ...title.font, size: SIZES.title };
    header += title.text.length * SIZES.title * SIZES.line + 6;
  }
  if (subtitle && subtitle.display !== false) {
    subtitle.text = wrap(subtitle.text, SIZES.subtitle, width - 16);
    subtitle.font = { ...subtitle.font, size: SIZES.subtitle };
    header += subtitle.text.length * SIZES.subtitle * SIZES.line + 8;
  }
  if (legend && legend.display !== false) {
    // Below the plot, in rows: items of a line's width each, packed as Chart.js packs them.
    legend.position = 'bottom';
    // pointStyleWidth stretches a point swatch to that width: only where the chart asked for one (bars' boxes).
    const stretch = legend.labels?.pointStyleWidth === undefined ? {} : { pointStyleWidth: 18 };
    legend.labels = { ...legend.labels, font: { size: SIZES.legend }, boxWidth: 12, boxHeight: 8, ...stretch };
    let rows = 1;
    let used = 0;
    for (const dataset of config.data.datasets) {
      const item = 34 + glyph(SIZES.legend) * (dataset.label ?? '').length;
      if (used > 0 && used + item > width - 16) {
        rows++;
        used = 0;
      }
      used += item;
    }
    header += rows * (SIZES.legend + 9) + 8;
  }
  const scales = options.scales ?? {};
  options.scales = scales;
  const valueAxis = (axis: Axis | undefined, room: number): void => {
    if (!axis) return;
    axis.ticks = { ...axis.ticks, font: { size: SIZES.ticks }, maxRotation: 0, minRotation: 0, autoSkip: true };
    if (axis.title && axis.title.display !== false) {
      axis.title.text = wrap(axis.title.text, SIZES.axisTitle, room);
      axis.title.font = { ...axis.title.font, size: SIZES.axisTitle };
    }
  };
  const axisLines = (axis: Axis | undefined): number =>
    axis?.title && axis.title.display !== false && Array.isArray(axis.title.text) ? axis.title.text.length : 0;

  if (config.type !== 'bar' || options.indexAxis === 'y') {
    // Lines and points: the same chart, a taller box, unrotated ticks.
    valueAxis(scales['x'], width - 60);
    valueAxis(scales['y'], 260);
    const plot = Math.max(240, Math.round(width * 0.75));
    return { config, height: Math.round(header + plot + 30 + axisLines(scales['x']) * 16) };
  }

  // Bars: the strategies down the side, the figure across, the canvas' side padding given to the plot.
  options.indexAxis = 'y';
  options['layout'] = { padding: { top: 4, right: 8, bottom: 2, left: 2 } };
  for (const dataset of config.data.datasets) if (dataset.type === 'line') dataset.indexAxis = 'y';
  const category = scales['x'] ?? {};
  const value = scales['y'] ?? {};
  scales['x'] = value;
  scales['y'] = category;
  category.title = { ...category.title, display: false };
  category.ticks = { ...category.ticks, font: { size: SIZES.names }, autoSkip: false, maxRotation: 0, minRotation: 0 };
  valueAxis(value, width - 110);
  // A long name breaks after a hyphen, so the names take a narrow column and leave the width
  // to the bars; a status line ("(skipped on deno)") breaks at a space only past a longer limit.
  const breakName = (name: string): string[] => {
    const limit = (name.startsWith('(') ? 18 : 12) + (wide ? 8 : 0);
    if (name.length <= limit) return [name];
    const lines: string[] = [];
    for (const part of name.split(/(?<=-)|(?<= )/)) {
      const last = lines.pop();
      if (last !== undefined && (last + part).trimEnd().length <= limit) lines.push(last + part);
      else lines.push(...(last === undefined ? [] : [last]), part);
    }
    return lines.map((line) => line.trimEnd());
  };
  const labels = (config.data.labels ?? []).map((label) => (Array.isArray(label) ? label : [label]).flatMap(breakName));
  config.data.labels = labels;
  const barSets = config.data.datasets.filter((d) => d.type !== 'line');
  const bars = value.stacked ? new Set(barSets.map((d) => d.stack)).size : barSets.length;
  const lines = Math.max(1, ...labels.map((label) => label.length));
  const line = SIZES.names * 1.25;
  const band = Math.max(26 * k, 8 + line * bars, 6 + line * lines);
  const plot = Math.max(150, labels.length * band);
  return { config, height: Math.round(header + plot + 30 + axisLines(value) * 15) };
}
