/**
 * Hostile results files — empty, truncated, the wrong shape, binary, schemaVersion 99,
 * "__proto__" keys, NaN strings, impossible figures, figures their rounds contradict, a line
 * break in a name, nested 100,000 deep, 200 MB, a stream that never ends —
 * cost one line and exit 2 under `bench report`, `compare`, `history` and `merge`, never a
 * stack, a rendered report of nonsense, or the machine's memory; and no command writes over
 * a file it reads.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResults, ResultsFileError } from '../reports/load-results.js';
import { hostileFiles } from './fixtures/results-hostile.js';
import { nodeResults } from './fixtures/results-node.js';
import { runCli, tempDir } from './helpers/cli.js';

test('the loader names what is wrong with each hostile file in one line', async () => {
  const dir = tempDir();
  for (const { name, content, problem } of hostileFiles) {
    const path = join(dir, name);
    writeFileSync(path, content);
    await assert.rejects(loadResults(path), (error: unknown) => {
      assert.ok(error instanceof ResultsFileError, `${name}: ${String(error)}`);
      assert.ok(!error.message.includes('\n'), `${name}: one line: ${error.message}`);
      assert.match(error.message, problem, name);
      return true;
    });
  }
});

test('a 200 MB file is refused before it is read; a stream that never ends, at the cap', async () => {
  const dir = tempDir();
  const big = join(dir, 'big.json');
  // Sparse: the size is what the loader sees first, so no test disk fills.
  writeFileSync(big, '{');
  truncateSync(big, 200 * 1024 * 1024);
  await assert.rejects(
    loadResults(big),
    /big\.json: is 200 MiB, more than the 128 MiB a results or history file can be; .*BENCH_MAX_RESULTS_MIB/,
  );
  if (existsSync('/dev/zero')) await assert.rejects(loadResults('/dev/zero'), /\/dev\/zero: goes on, more than the 128 MiB/);
});

/** Each command, given `file` where it reads a results file, and where it would write. */
function commands(dir: string, file: string, good: string): Array<{ args: string[]; writes: string }> {
  return [
    { args: ['report', file, '--html', join(dir, 'r.html'), '--png', join(dir, 'png')], writes: join(dir, 'r.html') },
    { args: ['compare', good, file], writes: join(dir, 'none') },
    { args: ['history', 'append', file, '--file', join(dir, 'history.jsonl')], writes: join(dir, 'history.jsonl') },
    { args: ['merge', good, file, '--out', join(dir, 'merged.json')], writes: join(dir, 'merged.json') },
  ];
}

test('report, compare, history and merge: one line, exit 2, nothing written', async () => {
  const dir = tempDir();
  const good = join(dir, 'good.json');
  writeFileSync(good, JSON.stringify(nodeResults));
  const big = join(dir, 'big.json');
  writeFileSync(big, '{');
  truncateSync(big, 200 * 1024 * 1024);
  const chosen = ['empty.json', 'binary.json', 'proto-record.json', 'negative-rate.json', 'deep.json'];
  const files = hostileFiles.filter((file) => chosen.includes(file.name));
  for (const { name, content } of files) writeFileSync(join(dir, name), content);
  for (const name of [...chosen, 'big.json']) {
    for (const { args, writes } of commands(dir, join(dir, name), good)) {
      const result = await runCli(args);
      const what = `${args[0]} ${name}`;
      assert.equal(result.code, 2, `${what}: exit ${result.code}\n${result.stderr}`);
      assert.equal(result.stderr.trim().split('\n').length, 1, `${what}: one line\n${result.stderr}`);
      assert.match(result.stderr, new RegExp(`^Error: .*${name.replace('.', '\\.')}: `), what);
      // The binary file starts with ESC [: none of it may reach the terminal.
      assert.ok(!result.stderr.includes('\u001b'), `${what}: no raw escape byte`);
      assert.equal(existsSync(writes), false, `${what}: nothing written`);
    }
  }
});

test('no command writes over a file it reads: merge --out, history --file and report --html naming an input exit 2', async () => {
  const dir = tempDir();
  const a = join(dir, 'a.json');
  const b = join(dir, 'b.json');
  writeFileSync(a, JSON.stringify(nodeResults));
  writeFileSync(
    b,
    JSON.stringify({ ...nodeResults, runId: 'other', context: { ...nodeResults.context, runtime: { name: 'node', version: '22.1.0' } } }),
  );
  const before = readFileSync(a, 'utf8');
  for (const args of [
    ['merge', a, b, '--out', a],
    ['history', 'append', a, '--file', a],
    ['report', a, '--html', a, '--png', join(dir, 'png')],
  ]) {
    const result = await runCli(args);
    assert.equal(result.code, 2, `${args[0]}: exit ${result.code}\n${result.stderr}`);
    assert.match(
      result.stderr,
      /^Error: --\w+ .*a\.json is also an input \(.*a\.json\): writing it would destroy what it holds; give another path\n$/,
    );
    assert.equal(readFileSync(a, 'utf8'), before, `${args[0]}: the input is unchanged`);
  }
});
