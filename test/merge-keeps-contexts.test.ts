/**
 * `bench merge` keeps every cell's own context: a CI matrix's files merge into one that
 * existing readers still load, in which each cell names the machine and runtime it ran
 * on, and which `bench compare` pairs cell by cell and machine by machine.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { contextIdOf, contextOf, type MergedRunResult } from '../reports/cell-context.js';
import { DEFAULT_SETTINGS } from '../reports/decide/compare/compare-metric.js';
import { compareRuns, countVerdicts } from '../reports/decide/compare/compare.js';
import { loadResults } from '../reports/load-results.js';
import { renderTable } from '../reports/terminal/table.js';
import { bunResults } from './fixtures/results-bun.js';
import { nodeResults } from './fixtures/results-node.js';
import { runCli, tempDir } from './helpers/cli.js';

const options = { ...DEFAULT_SETTINGS, normalize: false };

test('merged files keep per-cell contexts, load as schema v2 and compare machine by machine', async (t) => {
  const dir = tempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const laptop = {
    ...nodeResults,
    runId: 'laptop-run',
    context: { ...nodeResults.context, hostname: 'laptop', cpu: { model: 'Apple M3', cores: 8 } },
  };
  const files = { vm: join(dir, 'vm.json'), laptop: join(dir, 'laptop.json'), bun: join(dir, 'bun.json') };
  writeFileSync(files.vm, JSON.stringify(nodeResults));
  writeFileSync(files.laptop, JSON.stringify(laptop));
  writeFileSync(files.bun, JSON.stringify({ ...bunResults, complete: true }));

  const out = join(dir, 'merged.json');
  const result = await runCli(['merge', files.vm, files.laptop, '--out', out]);
  assert.equal(result.code, 0, result.stderr);

  // Existing readers: the loader validates it as schema v2, the table renders it.
  const merged = (await loadResults(out)) as MergedRunResult;
  assert.equal(merged.schemaVersion, 2);
  assert.doesNotThrow(() => renderTable(merged));
  assert.equal(merged.context.cpu.model, nodeResults.context.cpu.model, "top-level context: the first file's");

  assert.equal(merged.cells.length, nodeResults.cells.length * 2);
  assert.deepEqual(Object.keys(merged.contexts ?? {}).sort(), [nodeResults.runId, 'laptop-run'].sort());
  assert.deepEqual(
    merged.mergedFrom?.map((source) => source.runId),
    [nodeResults.runId, 'laptop-run'],
  );
  const half = nodeResults.cells.length;
  merged.cells.forEach((cell, i) => {
    const expected = i < half ? { id: nodeResults.runId, model: nodeResults.context.cpu.model } : { id: 'laptop-run', model: 'Apple M3' };
    assert.equal(contextIdOf(cell), expected.id);
    assert.equal(contextOf(merged, cell).cpu.model, expected.model);
    assert.equal(contextOf(merged, cell).hostname, i < half ? nodeResults.context.hostname : 'laptop');
  });

  // Same keys on two machines: compare pairs each with its own machine's cell.
  const self = countVerdicts(compareRuns({ file: out, run: merged }, { file: out, run: merged }, options).cells);
  assert.equal(self.incomparable + self.new + self.missing, 0, JSON.stringify(self));
  const vmOnly = countVerdicts(compareRuns({ file: files.vm, run: nodeResults }, { file: out, run: merged }, options).cells);
  assert.equal(vmOnly.new, half, 'the laptop cells are new next to the VM-only baseline');
  assert.equal(vmOnly.incomparable, 0, 'the VM cells pair with the VM cells, not the laptop ones');

  // A merged file merges again (a matrix of matrices); contexts accumulate.
  const again = join(dir, 'merged-again.json');
  const second = await runCli(['merge', out, files.bun, '--out', again]);
  assert.equal(second.code, 0, second.stderr);
  const nested = (await loadResults(again)) as MergedRunResult;
  assert.equal(Object.keys(nested.contexts ?? {}).length, 3);
  assert.equal(nested.cells.filter((cell) => contextOf(nested, cell).runtime.name === 'bun').length, bunResults.cells.length);
});
