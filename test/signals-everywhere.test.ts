/**
 * SIGINT and SIGTERM during each measuring command (bench run, bench study, bench http,
 * bench compare --auto-rerun): exit 128 + the signal (130, 143), a valid results file marked
 * incomplete with the signal, and no process the command started left alive — found by a
 * marker every descendant inherits, so one outside the process group counts too. (bench ab
 * has its own.)
 */
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, tempDir } from './helpers/cli.js';
import { assertIncomplete, EXIT, interrupt } from './helpers/signals.js';
import { roundsCell, runOf, scaled, STEADY } from './fixtures/round-cells.js';

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`bench run: ${signal} mid-cell exits ${EXIT[signal]}, saves an incomplete results file, leaves nothing`, {
    skip: process.platform !== 'linux',
  }, async () => {
    const out = tempDir();
    const tmp = tempDir('bench-test-tmp-');
    const result = await interrupt(
      [
        'run',
        '--suite',
        fixture('hang-suite.js'),
        '--strategies',
        'process-pool',
        '--rounds',
        '1',
        '--cell-timeout',
        '60',
        '--no-report',
        '--out',
        out,
      ],
      /child-entry.*hang-suite/,
      signal,
      { TMPDIR: tmp },
    );
    assert.equal(result.code, EXIT[signal], result.stderr);
    await assertIncomplete(out, signal);
    assert.deepEqual(readdirSync(tmp), [], 'no scratch folder is left');
  });

  test(`bench study: ${signal} mid-cell exits ${EXIT[signal]}, saves an incomplete results file, leaves nothing`, {
    skip: process.platform !== 'linux',
  }, async () => {
    const out = tempDir();
    const tmp = tempDir('bench-test-tmp-');
    const result = await interrupt(
      [
        'study',
        'size',
        '--suite',
        fixture('tiny-suite.js'),
        '--sizes',
        '1000,20000',
        '--strategies',
        'process-pool',
        '--rounds',
        '3',
        '--phase-time',
        '300',
        '--no-report',
        '--out',
        out,
      ],
      /child-entry.*tiny-suite/,
      signal,
      { TMPDIR: tmp },
    );
    assert.equal(result.code, EXIT[signal], result.stderr);
    const run = await assertIncomplete(out, signal);
    assert.equal(run.study?.complete, false, 'the study block says so too');
    assert.deepEqual(readdirSync(tmp), [], 'no scratch folder is left');
  });

  test(`bench http: ${signal} during the load exits ${EXIT[signal]}, saves an incomplete results file, leaves nothing`, {
    skip: process.platform !== 'linux',
  }, async () => {
    const out = tempDir();
    const result = await interrupt(
      [
        'http',
        '--suite',
        'fib',
        '--size',
        '20',
        '--strategies',
        'process-pool',
        '--connections',
        '2',
        '--duration',
        '30',
        '--warmup',
        '0',
        '--no-report',
        '--out',
        out,
      ],
      // The server (not a child-entry: the runtime probe before the run forks one of its own).
      /server-entry/,
      signal,
      { TMPDIR: tempDir('bench-test-tmp-') },
    );
    assert.equal(result.code, EXIT[signal], result.stderr);
    await assertIncomplete(out, signal);
  });

  test(`bench compare --auto-rerun: ${signal} during the re-run exits ${EXIT[signal]}, keeps its partial results, leaves nothing`, {
    skip: process.platform !== 'linux',
  }, async () => {
    const dir = tempDir();
    const out = tempDir();
    // A regression on the hang suite: the re-run's cell spins until the signal comes.
    writeFileSync(join(dir, 'base.json'), JSON.stringify(runOf([roundsCell('process-pool', STEADY, undefined, 'hang')])));
    writeFileSync(join(dir, 'cur.json'), JSON.stringify(runOf([roundsCell('process-pool', scaled(0.6), undefined, 'hang')])));
    const tmp = tempDir('bench-test-tmp-');
    const result = await interrupt(
      [
        'compare',
        join(dir, 'base.json'),
        join(dir, 'cur.json'),
        '--auto-rerun',
        '5',
        '--suite',
        fixture('hang-suite.js'),
        '--rerun-out',
        out,
      ],
      /child-entry.*hang-suite/,
      signal,
      { TMPDIR: tmp },
    );
    assert.equal(result.code, EXIT[signal], result.stderr);
    assert.match(result.stderr, /--auto-rerun was interrupted; its partial results are in /);
    await assertIncomplete(out, signal);
    assert.deepEqual(readdirSync(tmp), [], 'no scratch folder is left');
  });
}
