import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { test } from 'node:test';
import { createCanvas, loadImage } from 'canvas';
import { buildCharts } from '../../reports/charts/charts.js';
import { PNG_HEIGHT, PNG_WIDTH, writePngCharts } from '../../reports/charts/png.js';
import { bunResults } from '../fixtures/results-bun.js';
import { nodeResults } from '../fixtures/results-node.js';
import { makeTempDir } from '../fixtures/paths.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const KINDS = ['throughput', 'speedup', 'latency-unloaded', 'latency-loaded', 'event-loop-delay', 'startup'];

test('every chart is a PNG of the promised size with something drawn in its plot area', async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));

  const pngPaths = await writePngCharts(buildCharts([nodeResults, bunResults]).charts, dir);

  const expected = ['fib', 'sort', 'sha256'].flatMap((suite) => KINDS.map((kind) => `${suite}-${kind}.png`));
  assert.deepEqual(
    pngPaths.map((path) => basename(path)),
    expected,
  );
  for (const path of pngPaths) {
    const bytes = await readFile(path);
    assert.ok(bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${path} starts with the PNG signature`);
    const image = await loadImage(bytes);
    assert.equal(image.width, PNG_WIDTH, `${path} width`);
    assert.equal(image.height, PNG_HEIGHT, `${path} height`);

    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    // The plot area: below title, subtitle and legend, right of the y axis, above the x labels.
    const plot = ctx.getImageData(120, 110, 740, 280).data;
    let coloured = 0;
    for (let i = 0; i < plot.length; i += 4) {
      const r = plot[i] ?? 255;
      const g = plot[i + 1] ?? 255;
      const b = plot[i + 2] ?? 255;
      // Not white and not the light grey of grid lines: a bar, a whisker or a line.
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40 || r < 150) coloured++;
    }
    assert.ok(coloured > 2000, `${path}: ${coloured} drawn pixels in the plot area`);
    const corner = ctx.getImageData(0, 0, 1, 1).data;
    assert.deepEqual([...corner], [255, 255, 255, 255], `${path} has an opaque white background`);
  }
});
