/** A merged file's config names every runtime its sources ran on, not the first file's alone. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeResults } from '../../reports/merge.js';
import { bunResults } from '../fixtures/results-bun.js';
import { nodeResults } from '../fixtures/results-node.js';

test('merging a node run with a bun run names both runtimes in the config', () => {
  const merged = mergeResults(
    [
      { file: 'node.json', run: nodeResults },
      { file: 'bun.json', run: bunResults },
    ],
    'merged-run',
  );
  assert.deepEqual(merged.config.runtimes, [...new Set([...nodeResults.config.runtimes, ...bunResults.config.runtimes])]);
  assert.ok(merged.config.runtimes.includes('bun') && merged.config.runtimes.includes('node'), merged.config.runtimes.join(','));
});
