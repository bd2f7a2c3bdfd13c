/**
 * A place to write that cannot be written is refused before anything is read or measured
 * (a run that failed to save at the end would lose every figure), in one line naming the
 * flag, exit code 2: under a regular file, and under /proc, where Node's own recursive
 * mkdir spins forever at 100 % CPU.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeJsonAtomic } from '../runners/common/write-atomic.js';
import { nodeResults } from './fixtures/results-node.js';
import { startCli, tempDir } from './helpers/cli.js';

const dir = tempDir();
const aFile = join(dir, 'not-a-directory');
writeFileSync(aFile, '');
const results = join(dir, 'run.json');
writeJsonAtomic(results, nodeResults);

const unwritable = [join(aFile, 'out'), ...(process.platform === 'linux' ? ['/proc/bench-out'] : [])];
const commands: [string, (place: string) => string[]][] = [
  ['--out', (place) => ['run', '--suite', 'fib', '--out', place]],
  ['--out', (place) => ['http', '--suite', 'fib', '--out', place]],
  ['--html', (place) => ['report', results, '--html', join(place, 'report.html')]],
  ['--png', (place) => ['report', results, '--png', place]],
  ['--markdown', (place) => ['compare', results, results, '--markdown', join(place, 'summary.md')]],
  ['--out', (place) => ['merge', results, results, '--out', join(place, 'merged.json')]],
  ['--file', (place) => ['history', 'append', results, '--file', join(place, 'history.jsonl')]],
];

test('a file flag given an existing directory is refused before anything is done', async () => {
  const result = await startCli(['compare', results, results, '--markdown', dir]).done;
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr.trim(), /^Error: --markdown \S+: that is a directory; give a file path in it/);
  assert.equal(result.stdout, '');
});

for (const [flag, argsFor] of commands) {
  for (const place of unwritable) {
    const args = argsFor(place);
    test(`bench ${args[0]} ${flag} under ${place}: one line, exit code 2`, { timeout: 30_000 }, async () => {
      const { child, done } = startCli(args);
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const result = await done;
      clearTimeout(killer);
      assert.equal(result.code, 2, `exit ${result.code} (${result.signal ?? 'no signal'}): ${result.stderr}`);
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0]!, new RegExp(`^Error: ${flag} \\S+: .*\\((ENOENT|ENOTDIR|EEXIST)[^)]*\\); choose a`));
      assert.equal(result.stdout, '', 'nothing was done');
    });
  }
}
