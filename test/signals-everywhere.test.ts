/**
 * SIGINT and SIGTERM during each measuring command (bench run, bench http, bench compare
 * --auto-rerun): exit 128 + the signal (130, 143), a valid results file marked incomplete
 * with the signal, and no process the command started left alive — found by a marker every
 * descendant inherits, so one outside the process group counts too. (study and ab have their own.)
 */
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResults } from '../reports/load-results.js';
import { fixture, startCli, tempDir } from './helpers/cli.js';
import { newMarker, processesMarked } from './helpers/fault-matrix.js';
import { waitUntil } from './helpers/wait.js';
import { roundsCell, runOf, scaled, STEADY } from './fixtures/round-cells.js';

const EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/** Starts `args` under a marker, waits until `busy` matches one of its processes, sends `signal`; returns the exit. */
async function interrupt(
  args: string[],
  busy: RegExp,
  signal: 'SIGINT' | 'SIGTERM',
  tmp: string,
): Promise<{ code: number | null; stderr: string }> {
  const marker = newMarker();
  const { child, done } = startCli(args, { ...marker.env, TMPDIR: tmp });
  try {
    await waitUntil(() => processesMarked(marker.needle).some((line) => busy.test(line)), `a process matching ${busy}`, {
      timeoutMs: 60_000,
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  child.kill(signal);
  const result = await done;
  await waitUntil(() => processesMarked(marker.needle).length === 0, 'every process of the command to end', { timeoutMs: 10_000 });
  return result;
}

async function assertIncomplete(dir: string, signal: string): Promise<void> {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  assert.equal(files.length, 1, `one results file in ${dir}: ${files.join(', ')}`);
  const run = await loadResults(join(dir, files[0]!));
  assert.equal(run.complete, false);
  assert.equal(run.interruptedBy, signal);
}

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
      tmp,
    );
    assert.equal(result.code, EXIT[signal], result.stderr);
    await assertIncomplete(out, signal);
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
      /child-entry/,
      signal,
      tempDir('bench-test-tmp-'),
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
      tmp,
    );
    assert.equal(result.code, EXIT[signal], result.stderr);
    assert.match(result.stderr, /--auto-rerun was interrupted; its partial results are in /);
    await assertIncomplete(out, signal);
    assert.deepEqual(readdirSync(tmp), [], 'no scratch folder is left');
  });
}
