/**
 * `bench report a.json b.json` without --html or --png makes a comparison: it is written
 * beside a.json as a-vs-b.html and a-vs-b/, and never replaces a's own report or PNG charts
 * (before, the comparison's charts overwrote the run's own). One file alone is re-rendered
 * where `bench run` put it, as before.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultOutputs, runReport } from '../../scripts/cli/commands/report.js';
import { bunResults } from '../fixtures/results-bun.js';
import { nodeResults } from '../fixtures/results-node.js';
import { makeTempDir } from '../fixtures/paths.js';

test("a comparison of two runs leaves the first run's own report and charts as they were", async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
  await writeFile(a, JSON.stringify(nodeResults));
  await writeFile(b, JSON.stringify(bunResults));
  // What `bench run` wrote beside a.json.
  await writeFile(join(dir, 'a.html'), 'the run report');
  await mkdir(join(dir, 'a'));
  await writeFile(join(dir, 'a', 'fib-throughput.png'), 'the run chart');

  const lines: string[] = [];
  const written = await runReport({ files: [a, b], keepGoing: true }, { out: (l) => lines.push(l), err: (l) => lines.push(l) });

  assert.equal(await readFile(join(dir, 'a.html'), 'utf8'), 'the run report');
  assert.deepEqual(await readdir(join(dir, 'a')), ['fib-throughput.png']);
  assert.equal(await readFile(join(dir, 'a', 'fib-throughput.png'), 'utf8'), 'the run chart');
  assert.equal(written.htmlPath, join(dir, 'a-vs-b.html'));
  assert.ok(written.pngPaths.length === 0 || written.pngPaths.every((p) => p.startsWith(join(dir, 'a-vs-b'))), lines.join('\n'));
});

test('one file is re-rendered where bench run put it; several name the comparison after them all', () => {
  assert.deepEqual(defaultOutputs('results/r1.json'), { html: join('results', 'r1.html'), png: join('results', 'r1') });
  assert.deepEqual(defaultOutputs('results/r1.json', ['results/r1.json', 'other/r2.json']), {
    html: join('results', 'r1-vs-r2.html'),
    png: join('results', 'r1-vs-r2'),
  });
  assert.equal(
    defaultOutputs('x/r2.json', ['x/r1.json', 'x/r2.json', 'x/r3.json', 'x/r4.json']).html,
    join('x', 'r1-vs-r2-and-2-more.html'),
  );
});
