/**
 * Ctrl-C while a cell is being measured (an HTTP cell mid-load, a batch cell's first round):
 * the final file says that cell was interrupted while it was measured, and only the cells
 * after it that the run never reached "interrupted before this cell ran".
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CellResult } from '../../runners/contract/results.js';
import type { HttpCellKey } from '../../runners/http/harness/http-cell.js';
import { INTERRUPTED_DURING, NOT_RUN } from '../../runners/orchestrate/not-run.js';
import { RunJournal, runSteps } from '../../runners/orchestrate/run-journal.js';
import { CellInterrupted } from '../../runners/orchestrate/spawn-cell.js';
import { nodeResults } from '../fixtures/results-node.js';

const keys: HttpCellKey[] = ['main-thread', 'worker-pool', 'cluster'].map((strategy) => ({
  scenario: 'http',
  suite: 'fib',
  size: 27,
  strategy,
  runtime: 'node',
  workers: 2,
}));

test('the cell under way when the run is interrupted is labelled so, the ones after it as never run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-journal-interrupted-'));
  const cells: CellResult[] = keys.map((key) => ({ ...key, status: 'skipped', verified: false, reason: NOT_RUN }));
  const journal = new RunJournal((runId) => join(dir, `${runId}.json`), {
    context: nodeResults.context,
    config: nodeResults.config,
    current: () => ({ cells: [...cells], warnings: [] }),
  });
  const abort = new AbortController();
  await runSteps(
    keys,
    abort.signal,
    journal,
    async (key, index) => {
      if (index === 1) {
        abort.abort('SIGINT');
        throw new CellInterrupted('interrupted');
      }
      cells[index] = { ...key, status: 'errored', verified: false, error: { message: 'measured', round: 1 }, rounds: [] };
    },
    (key) => key,
  );
  const { result } = journal.finish(abort.signal);
  assert.equal(result.interruptedBy, 'SIGINT');
  assert.deepEqual(
    result.cells.map((cell) => (cell.status === 'skipped' ? cell.reason : cell.status)),
    ['errored', INTERRUPTED_DURING, NOT_RUN],
  );
});
