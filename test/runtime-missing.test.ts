import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, readResults, runCli, tempDir } from './helpers/cli.js';

const args = [
  'run',
  '--suite',
  fixture('tiny-suite.js'),
  '--strategies',
  'main-thread',
  '--rounds',
  '1',
  '--phase-time',
  '20',
  '--no-report',
  '--runtime',
  'node,bun',
  '--bun',
  '/nonexistent/bun',
];

test('a runtime that is not there stops the run with one line and exit 2', async () => {
  const result = await runCli([...args, '--out', tempDir()]);
  assert.equal(result.code, 2);
  assert.equal(result.stderr.trim(), 'Error: --bun /nonexistent/bun is not an executable file: give the path of the bun binary');
});

test('with --keep-going its cells are skipped with the reason and the others run', async () => {
  const out = tempDir();
  const result = await runCli([...args, '--keep-going', '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /warning: --bun \/nonexistent\/bun is not an executable file.*cells are skipped \(--keep-going\)/);
  const [node, bun] = readResults(out).cells;
  assert.equal(node?.status, 'completed');
  assert.equal(bun?.status, 'skipped');
  if (bun?.status === 'skipped') assert.match(bun.reason, /not an executable file/);
});
