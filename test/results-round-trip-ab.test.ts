/**
 * A `bench ab --aa` file reads back: its `ab` block (paired rounds, decisions, calibration)
 * and the head's cells load in report, compare and history. Eight pairs: the first planned
 * look, where the decisions first have intervals.
 */
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, tempDir } from './helpers/cli.js';
import { assertReadsBack, produce } from './helpers/round-trip.js';

test('bench ab --aa writes a file report, compare and history read back', async () => {
  const history = join(tempDir(), 'history.jsonl');
  const args = [
    'ab',
    '--aa',
    '--suite',
    fixture('tiny-suite.js'),
    '--strategies',
    'main-thread',
    '--phase-time',
    '30',
    '--max-rounds',
    '8',
  ];
  const file = await produce('bench ab --aa', [...args, '--no-report']);
  await assertReadsBack(file, 'bench ab --aa', history);
});
