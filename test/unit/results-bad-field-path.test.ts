/**
 * A results file with one bad field, v1 or v2, fails to load with one line naming the
 * file, the field's path and what it should be, then what to do.
 */
import assert from 'node:assert/strict';
import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResults, ResultsFileError } from '../../reports/load-results.js';
import { makeTempDir } from '../fixtures/paths.js';
import { at, type Json } from '../helpers/spoil-results.js';
import { nodeResults } from '../fixtures/results-node.js';
import { readV1, V1_RUN } from '../fixtures/results-v1.js';

test("a bad field fails with one line naming the file, the field's path and what was expected", async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const cases: Array<[string, (v1: Json, v2: Json) => Json, RegExp]> = [
    [
      'v1 round field',
      (v1) => {
        at(v1, 'cells', 2, 'rounds', 1)['foreignCpuShare'] = 'high';
        return v1;
      },
      /cells\[2\]\.rounds\[1\]\.foreignCpuShare should be a number, found a string/,
    ],
    [
      'v1 field the migration cannot fill',
      (v1) => {
        delete at(v1, 'cells', 0)['latency'];
        return v1;
      },
      /cells\[0\]\.latency is missing/,
    ],
    [
      'v1 record that is an array',
      (v1) => {
        at(v1, 'config')['sizes'] = [30];
        return v1;
      },
      /config\.sizes should be an object, found an array/,
    ],
    [
      'v2 record key',
      (_, v2) => {
        at(v2, 'context')['runtimes'] = { node: { runtime: 'node', version: 20, path: '/usr/bin/node' } };
        return v2;
      },
      /context\.runtimes\["node"\]\.version should be a string, found a number/,
    ],
    [
      'v2 literal',
      (_, v2) => {
        at(v2, 'cells', 0, 'eventLoopDelay')['method'] = 'sampling';
        return v2;
      },
      /cells\[0\]\.eventLoopDelay\.method should be "histogram" or "timer-drift", found "sampling"/,
    ],
  ];
  for (const [what, spoil, message] of cases) {
    const file = join(dir, `${what.replaceAll(' ', '-')}.json`);
    await writeFile(file, JSON.stringify(spoil(readV1(V1_RUN), structuredClone(nodeResults))));
    await assert.rejects(loadResults(file), (error: unknown) => {
      assert.ok(error instanceof ResultsFileError, `${what}: a ResultsFileError, got ${String(error)}`);
      assert.equal(error.exitCode, 2);
      assert.ok(!error.message.includes('\n'), `${what}: one line: ${error.message}`);
      assert.ok(error.message.startsWith(`${file}: does not match the results schema: `), `${what}: ${error.message}`);
      assert.match(error.message, message, what);
      assert.match(error.message, /; re-run `bench run` to regenerate it$/, what);
      return true;
    });
  }
});
