/**
 * The pull-request gate runs `bench ab --base <the PR's base sha>` and writes its markdown to
 * the job summary; the matrix workflow measures on three kinds of runner and merges their
 * results with `bench merge`. GitHub Actions cannot run here, so the YAML is what is checked.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from '../fixtures/paths.js';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  if?: string;
  strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown[]> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflow = (name: string): Workflow => parse(readFileSync(join(repoRoot(), '.github/workflows', name), 'utf8')) as Workflow;
const runs = (job: Job): string[] => job.steps.map((step) => (step.run ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);

test('the pull-request workflow gates with bench ab --base the base sha and writes the markdown to the job summary', () => {
  const ab = workflow('bench-ab.yml');
  assert.deepEqual(Object.keys(ab.on), ['pull_request']);
  const [job] = Object.values(ab.jobs);
  assert.ok(job);
  const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout@'));
  assert.equal(checkout?.with?.['fetch-depth'], 0, 'the base commit must be in the clone for git worktree add');
  const setup = runs(job).indexOf('bash scripts/setup.sh');
  const gate = runs(job).findIndex((run) => / ab --base \$\{\{ github\.event\.pull_request\.base\.sha \}\}/.test(run));
  assert.ok(setup >= 0 && gate > setup, `set up, then the gate: ${runs(job).join(' | ')}`);
  assert.match(runs(job)[gate]!, /^node dist\/scripts\/cli\/bench\.js ab /);
  assert.match(runs(job)[gate]!, /--markdown "\$GITHUB_STEP_SUMMARY"/);
  const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
  assert.equal(upload?.if, 'always()', 'the results are kept when the gate fails');
});

test('the matrix workflow measures on ubuntu x64, ubuntu arm and macOS, then merges the results into one report', () => {
  const matrix = workflow('bench-matrix.yml');
  assert.ok('schedule' in matrix.on && 'workflow_dispatch' in matrix.on);
  const measure = Object.values(matrix.jobs).find((job) => job.strategy?.matrix !== undefined);
  assert.ok(measure, 'a job with a matrix');
  assert.equal(measure.strategy?.['fail-fast'], false, 'one runner failing keeps the others');
  const runners = Object.values(measure.strategy?.matrix ?? {})
    .flat()
    .map(String);
  assert.ok(runners.includes('ubuntu-latest'), runners.join(', '));
  assert.ok(
    runners.some((runner) => /arm/.test(runner)),
    runners.join(', '),
  );
  assert.ok(
    runners.some((runner) => /^macos/.test(runner)),
    runners.join(', '),
  );
  assert.match(measure['runs-on'], /matrix\./);
  assert.ok(runs(measure).some((run) => /bench\.js run --suite all/.test(run)));

  const merge = Object.entries(matrix.jobs).find(([, job]) => job !== measure)?.[1];
  assert.ok(merge, 'a merging job');
  const measureName = Object.entries(matrix.jobs).find(([, job]) => job === measure)![0];
  assert.deepEqual([merge.needs].flat(), [measureName]);
  assert.equal(merge.if, 'always()', 'merges what the runners that finished measured');
  assert.ok(merge.steps.some((step) => step.uses?.startsWith('actions/download-artifact@')));
  const script = runs(merge).join('\n');
  assert.match(script, /bench\.js merge .* --out results\/merged\/merged\.json/);
  assert.match(script, /bench\.js report results\/merged\/merged\.json --html/);
});
