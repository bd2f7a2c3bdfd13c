import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResults, ResultsFileError } from '../../reports/load-results.js';
import { nodeResults } from '../fixtures/results-node.js';
import { makeTempDir } from '../fixtures/paths.js';

/** Asserts a one-line usage error that names the file and says what is wrong. */
async function rejectsWith(file: string, problem: RegExp): Promise<void> {
  await assert.rejects(loadResults(file), (error: unknown) => {
    assert.ok(error instanceof ResultsFileError, `a ResultsFileError, got ${String(error)}`);
    assert.equal(error.exitCode, 2);
    assert.equal(error.file, file);
    assert.ok(!error.message.includes('\n'), `one line: ${error.message}`);
    assert.ok(error.message.startsWith(`${file}: `), `names the file first: ${error.message}`);
    assert.match(error.message, problem);
    assert.match(error.message, /; \S/, `ends with what to do: ${error.message}`);
    return true;
  });
}

test('a results file that cannot be used fails with one line naming the file, the problem and the fix', async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const write = async (name: string, text: string): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };

  await rejectsWith(join(dir, 'missing.json'), /file not found/);
  await mkdir(join(dir, 'a-directory.json'));
  await rejectsWith(join(dir, 'a-directory.json'), /is a directory/);
  await rejectsWith(await write('truncated.json', '{"schemaVersion": 1, "runId": "x"'), /is not valid JSON \(.+\)/);
  await rejectsWith(await write('array.json', '[1, 2]'), /not a results object \(found an array\)/);
  await rejectsWith(
    await write('v3.json', JSON.stringify({ ...nodeResults, schemaVersion: 3 })),
    /schemaVersion 3, this bench reads schemaVersion 2/,
  );
  await rejectsWith(await write('no-version.json', '{"runId": "x"}'), /has no schemaVersion/);

  const { context: _dropped, ...noContext } = nodeResults;
  await rejectsWith(await write('no-context.json', JSON.stringify(noContext)), /context is missing/);

  const cells: Array<Record<string, unknown>> = structuredClone(nodeResults.cells);
  delete cells[3]?.['throughput'];
  cells[5] = { ...cells[5], status: 'done' };
  await rejectsWith(
    await write('bad-cells.json', JSON.stringify({ ...nodeResults, cells })),
    /cells\[3\]\.throughput is missing, cells\[5\]\.status should be "completed", "errored" or "skipped", found "done"/,
  );

  // Compare computes per-round percentiles from the samples: a null must not read as 0.
  const nullSample = structuredClone(nodeResults);
  const round = nullSample.cells.find((cell) => cell.status === 'completed' && cell.scenario === 'batch')!.rounds![0]!;
  (round.latencySamplesMs as unknown[])[1] = null;
  await rejectsWith(
    await write('null-sample.json', JSON.stringify(nullSample)),
    /rounds\[0\]\.latencySamplesMs\[1\] should be a number, found null/,
  );

  // A merged file: every context must be whole, and every cell's contextId one of them.
  const merged = (contexts: unknown, contextId: string) =>
    JSON.stringify({ ...nodeResults, contexts, cells: nodeResults.cells.map((cell) => ({ ...cell, contextId })) });
  await rejectsWith(await write('bad-contexts.json', merged({ a: {} }, 'a')), /contexts\["a"\]\.runtime is missing/);
  await rejectsWith(
    await write('inherited-id.json', merged({ a: nodeResults.context }, 'toString')),
    /names context "toString", which the file's "contexts" lacks; re-create it with `bench merge`/,
  );
});

test('a valid results file loads unchanged', async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'node.json');
  await writeFile(path, `${JSON.stringify(nodeResults, null, 2)}\n`);
  assert.deepEqual(await loadResults(path), nodeResults);
});
