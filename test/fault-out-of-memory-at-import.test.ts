/**
 * A suite that allocates without bound at import, off the JS heap where no heap flag reaches:
 * the suite probe is under the same memory watchdog as cells, with the command's --max-heap,
 * so the run stops with one line naming the cause (exit 2), and nothing is left running.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, runCli, tempDir } from './helpers/cli.js';
import { newMarker, processesMarked } from './helpers/fault-matrix.js';

test('an allocation without bound at import: exit 2, one line "ran out of its 64 MiB heap"', {
  skip: process.platform !== 'linux' ? 'the watchdog reads /proc (Linux)' : false,
}, async () => {
  const out = tempDir();
  const marker = newMarker();
  const result = await runCli(
    [
      'run',
      '--suite',
      fixture('faults/oom-off-heap-at-import.js'),
      '--strategies',
      'main-thread',
      '--rounds',
      '1',
      '--phase-time',
      '50',
      '--max-heap',
      '64',
      '--no-report',
      '--out',
      out,
    ],
    marker.env,
  );
  assert.equal(result.code, 2, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(
    lines[0]!,
    /^Error: suite \S+faults\/oom-off-heap-at-import\.js did not load: suite probe process was ended by bench: ran out of its 64 MiB heap \(peak RSS \d+ MiB across 1 process, over the budget of 1 × \(64 \+ 256\) = 320 MiB for the suite probe\); raise --max-heap if the suite needs more$/,
  );
  assert.equal(result.stdout, '');
  assert.deepEqual(readdirSync(out), []);
  assert.deepEqual(processesMarked(marker.needle), []);
});
