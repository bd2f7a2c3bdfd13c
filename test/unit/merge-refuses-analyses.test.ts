/**
 * A `bench study` or `bench ab` file holds an analysis made from its own run's cells alone (the
 * `study` and `ab` blocks), which a merged file cannot carry: `bench merge` refuses it in one
 * line naming the file, the block and the command that shows the files together, exit code 2,
 * rather than write a file that silently lost the analysis.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeResults } from '../../reports/merge.js';
import type { RunResult } from '../../runners/contract/results.js';
import { isUsageError } from '../../scripts/cli/usage-error.js';
import { abResults } from '../fixtures/ab-results.js';
import { payloadStudyResults } from '../fixtures/payload-results.js';
import { bunResults } from '../fixtures/results-bun.js';
import { sizeStudyResults } from '../fixtures/study-results.js';

const cases: Array<[name: string, run: RunResult, block: string, what: string]> = [
  ['a size study', sizeStudyResults(), 'study', 'a `bench study` analysis'],
  ['a payload study', payloadStudyResults(), 'study', 'a `bench study` analysis'],
  ['an A/B run', abResults(), 'ab', 'a `bench ab` comparison'],
];

for (const [name, run, block, what] of cases) {
  test(`${name} file is refused by merge in one line naming its "${block}" block, exit code 2`, () => {
    // Second: the refusal does not depend on which input holds the block.
    const inputs = [
      { file: 'bun.json', run: bunResults },
      { file: 'analysis.json', run },
    ];
    assert.throws(
      () => mergeResults(inputs, 'merged-run'),
      (error: unknown) => {
        assert.ok(isUsageError(error), 'exit code 2, no stack trace');
        assert.equal(
          error.message,
          `analysis.json holds ${what} (its "${block}" block), made from that run's cells alone, which a merged file cannot carry: ` +
            'show the files side by side with `bench report bun.json analysis.json` instead',
        );
        return true;
      },
    );
  });
}
