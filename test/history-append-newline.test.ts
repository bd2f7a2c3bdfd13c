/**
 * `bench history append` onto a file whose last line lost its newline (a hand edit, an
 * interrupted editor) starts a line of its own: the file stays one entry per line.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { historyEntry, historyLine, parseHistory } from '../reports/history.js';
import { nodeResults } from './fixtures/results-node.js';
import { runCli, tempDir } from './helpers/cli.js';

test('appending to a history without a final newline keeps one entry per line', async (t) => {
  const dir = tempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const history = join(dir, 'history.jsonl');
  writeFileSync(history, historyLine(historyEntry({ ...nodeResults, runId: 'earlier' })).trimEnd());
  const results = join(dir, 'run.json');
  writeFileSync(results, JSON.stringify(nodeResults));

  const result = await runCli(['history', 'append', results, '--file', history]);
  assert.equal(result.code, 0, result.stderr);
  const entries = parseHistory(readFileSync(history, 'utf8'), history);
  assert.deepEqual(
    entries.map((entry) => entry.runId),
    ['earlier', nodeResults.runId],
  );
});
