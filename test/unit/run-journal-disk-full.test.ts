/**
 * The disk fills while a run goes on: the save after the second cell fails. The run stops
 * with the error naming the file and the fix, and the file left (the first save) says the
 * second cell was not measured yet when it was saved — not that the run was interrupted
 * before it ran, which was false: it had been measured, only not kept.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeJsonAtomic } from '../../runners/common/write-atomic.js';
import type { BatchCellKey, RunResult } from '../../runners/contract/results.js';
import { aggregateCell, type RoundRecord } from '../../runners/orchestrate/aggregate.js';
import { NOT_RUN_YET } from '../../runners/orchestrate/not-run.js';
import { RunJournal, runSteps } from '../../runners/orchestrate/run-journal.js';
import { nodeResults } from '../fixtures/results-node.js';

const key = (strategy: string): BatchCellKey => ({ scenario: 'batch', suite: 'fib', size: 27, strategy, runtime: 'node', workers: 2 });
const firstCell = nodeResults.cells[0]!;
const sample = firstCell.status === 'completed' && firstCell.scenario === 'batch' ? firstCell.rounds[0]! : undefined;

test('a save that finds the disk full stops the run naming the file; the file left does not call a measured cell interrupted', async () => {
  assert.ok(sample);
  const dir = mkdtempSync(join(tmpdir(), 'bench-journal-full-'));
  const records = new Map<string, RoundRecord[]>(['main-thread', 'worker-pool'].map((strategy) => [strategy, []]));
  let saves = 0;
  const journal = new RunJournal(
    (runId) => join(dir, `${runId}.json`),
    {
      context: nodeResults.context,
      config: nodeResults.config,
      current: () => ({ cells: [...records].map(([strategy, rounds]) => aggregateCell(key(strategy), rounds)), warnings: [] }),
    },
    (path, result) =>
      writeJsonAtomic(path, result, {
        elsewhere: 'pass --out elsewhere',
        writeTemp: (file, data) => {
          if (++saves > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          writeJsonAtomic(String(file), JSON.parse(String(data)));
        },
      }),
  );
  await assert.rejects(
    runSteps(['main-thread', 'worker-pool'], new AbortController().signal, journal, async (strategy) => {
      records.get(strategy)!.push({ round: 1, outcome: { ok: true, sample } });
    }),
    new RegExp(
      `^WriteFailedError: cannot write ${journal.path}: no space left on the device \\(ENOSPC\\); free space on ${dir}, or pass --out elsewhere$`,
    ),
  );
  const left = JSON.parse(readFileSync(journal.path, 'utf8')) as RunResult;
  assert.equal(left.complete, false);
  assert.deepEqual(
    left.cells.map((cell) => (cell.status === 'skipped' ? cell.reason : cell.status)),
    ['completed', NOT_RUN_YET],
  );
});
