/**
 * Study, payload study and A/B files, written as the commands write them, load with their
 * blocks as written, and the accessors hand each report the block of its kind (and none of
 * another): the loader's schema is the only check the blocks get.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { abOf } from '../../reports/ab-of.js';
import { loadResults } from '../../reports/load-results.js';
import { payloadStudyOf } from '../../reports/payload-of.js';
import { studyOf } from '../../reports/study-of.js';
import type { AbStudy } from '../../runners/contract/ab.js';
import type { PayloadStudy } from '../../runners/contract/payload-study.js';
import type { Study } from '../../runners/contract/study.js';
import { writeJsonAtomic } from '../../runners/common/write-atomic.js';
import { abResults } from '../fixtures/ab-results.js';
import { makeTempDir } from '../fixtures/paths.js';
import { payloadStudyResults } from '../fixtures/payload-results.js';
import { nodeResults } from '../fixtures/results-node.js';
import { sizeStudyResults, workersStudyResults } from '../fixtures/study-results.js';

test('study, payload and ab files load with their blocks, each read by its own accessor', async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const load = async (name: string, value: unknown) => {
    const path = join(dir, `${name}.json`);
    writeJsonAtomic(path, value);
    return loadResults(path);
  };

  for (const [name, written] of [
    ['size', sizeStudyResults()],
    ['workers', workersStudyResults()],
  ] as const) {
    const run = await load(name, written);
    // Typed by the loader: a Study, with nothing cast.
    const study: Study | undefined = studyOf(run);
    assert.ok(study, `${name}: a sweep's block`);
    assert.equal(study.kind, name);
    assert.deepEqual(study, JSON.parse(JSON.stringify(written.study)), `${name}: the block as written`);
    assert.equal(payloadStudyOf(run), undefined, `${name}: no payload block`);
    assert.equal(abOf(run), undefined, `${name}: no ab block`);
  }

  const payloadWritten = payloadStudyResults();
  const payloadRun = await load('payload', payloadWritten);
  const payload: PayloadStudy | undefined = payloadStudyOf(payloadRun);
  assert.ok(payload, "a payload study's block");
  assert.deepEqual(payload, JSON.parse(JSON.stringify(payloadWritten.study)));
  assert.equal(studyOf(payloadRun), undefined, "a payload study is not a sweep's");

  const abWritten = abResults();
  const abRun = await load('ab', abWritten);
  const ab: AbStudy | undefined = abOf(abRun);
  assert.ok(ab, 'an ab block');
  assert.deepEqual(ab, JSON.parse(JSON.stringify(abWritten.ab)));
  assert.equal(ab.cells[0]?.rounds[0]?.sample.round, abWritten.ab?.cells[0]?.rounds[0]?.sample.round);
  assert.equal(studyOf(abRun), undefined);

  const plain = await load('run', nodeResults);
  assert.equal(studyOf(plain), undefined);
  assert.equal(payloadStudyOf(plain), undefined);
  assert.equal(abOf(plain), undefined);
});
