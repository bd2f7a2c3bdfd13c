/**
 * Bad input to compare, baseline, merge and history — a missing or unreadable file, another
 * schema version, two files with no cell in common, a threshold that is not a percentage,
 * a broken merged file — is one `Error: …` line on stderr and exit code 2, never a stack.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { bunResults } from './fixtures/results-bun.js';
import { nodeResults } from './fixtures/results-node.js';
import { runCli, tempDir } from './helpers/cli.js';

test('bad input to the regression commands: one line, exit code 2', async (t) => {
  const dir = tempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const write = (name: string, value: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };
  const a = write('a.json', nodeResults);
  const renamed = write('other-suites.json', {
    ...nodeResults,
    cells: nodeResults.cells.map((cell) => ({ ...cell, suite: `${cell.suite}-x` })),
  });
  const v3 = write('v3.json', { ...nodeResults, schemaVersion: 3 });
  const interrupted = write('interrupted.json', bunResults);
  const brokenMerge = write('broken-merge.json', {
    ...nodeResults,
    contexts: {},
    cells: nodeResults.cells.map((cell) => ({ ...cell, contextId: 'gone' })),
  });
  const entry = { runId: 'x', date: '2025-01-01', commit: null, fingerprint: 'f', cells: [] };
  const badHistory = write('history.jsonl', `${JSON.stringify(entry)}\nnot json\n`);
  const badEntry = write('bad-entry.jsonl', `${JSON.stringify({ ...entry, commit: 12345 })}\n`);
  mkdirSync(join(dir, 'a-directory.json'));
  const missing = join(dir, 'missing.json');

  const cases: Array<[string, string[], RegExp]> = [
    ['a missing baseline', ['compare', missing, a], /missing\.json: file not found/],
    ['a directory', ['compare', a, join(dir, 'a-directory.json')], /is a directory/],
    ['another schema version', ['compare', v3, a], /schemaVersion 3, this bench reads schemaVersion 2/],
    [
      'no cell in common',
      ['compare', a, renamed],
      /have no cell in common \(baseline: fib\(27\), sort\(200000\), sha256\(65536\); new: fib-x/,
    ],
    ['a threshold that is a word', ['compare', a, a, '--threshold', 'ten'], /--threshold must be a percentage .* got "ten"/],
    ['a negative threshold', ['compare', a, a, '--threshold=-5%'], /--threshold must be a percentage/],
    ['a zero threshold', ['compare', a, a, '--threshold', '0%'], /--threshold must be a percentage above 0/],
    ['a threshold with two signs', ['compare', a, a, '--threshold', '10%%'], /--threshold must be a percentage/],
    ['an alpha out of range', ['compare', a, a, '--alpha', '0.9'], /--alpha must be a significance level/],
    [
      'a merged file whose cells name missing contexts',
      ['compare', brokenMerge, a],
      /broken-merge\.json: cell fib × main-thread names context "gone"/,
    ],
    ['saving a missing baseline', ['baseline', 'save', missing, '--dir', join(dir, 'baselines')], /file not found/],
    ['saving an interrupted run as baseline', ['baseline', 'save', interrupted, '--dir', join(dir, 'baselines')], /interrupted run/],
    ['merging one file', ['merge', a, '--out', join(dir, 'm.json')], /needs two or more results files/],
    [
      'merging a run with itself',
      ['merge', a, a, '--out', join(dir, 'm.json')],
      /both hold fib\(27\) × main-thread .* measured on node-20\.20\.2/,
    ],
    ['a history file with a broken line', ['history', 'append', a, '--file', badHistory], /history\.jsonl:2: not a JSON line/],
    [
      'a history entry with a wrong field',
      ['report', a, '--history', badEntry, '--html', join(dir, 'r.html'), '--png', join(dir, 'png')],
      /bad-entry\.jsonl:1: not a history entry written by `bench history append`/,
    ],
  ];
  for (const [what, args, message] of cases) {
    const result = await runCli(args);
    assert.equal(result.code, 2, `${what}: exit ${result.code}\n${result.stderr}`);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `${what}: one line\n${result.stderr}`);
    assert.match(lines[0]!, /^Error: /, what);
    assert.match(lines[0]!, message, what);
    assert.doesNotMatch(result.stderr, /\n\s+at /, `${what}: no stack trace`);
  }
});
