/**
 * Each study writes a file report, compare and history read back: `study size` (crossover
 * ratios and their intervals), `study workers` (scaling points, speedups) and `study payload`
 * (round trips, MB/s, transport shares), each with the tiniest sweep it accepts.
 */
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, tempDir } from './helpers/cli.js';
import { assertReadsBack, produce } from './helpers/round-trip.js';

const QUICK = ['--rounds', '1', '--phase-time', '30', '--no-report'];
const STUDIES: ReadonlyArray<[string, string[]]> = [
  ['study size', ['--suite', fixture('tiny-suite.js'), '--sizes', '1000,20000', '--strategies', 'worker-pool', '--workers', '1']],
  ['study workers', ['--suite', fixture('tiny-suite.js'), '--strategies', 'worker-pool', '--workers-list', '1,2']],
  ['study payload', ['--sizes', '1k,4k', '--strategies', 'worker-pool']],
];

test('bench study size, workers and payload write files report, compare and history read back', async (t) => {
  const history = join(tempDir(), 'history.jsonl');
  for (const [study, args] of STUDIES) {
    await t.test(`bench ${study}`, async () => {
      const file = await produce(`bench ${study}`, [...study.split(' '), ...args, ...QUICK]);
      await assertReadsBack(file, `bench ${study}`, history);
    });
  }
});
