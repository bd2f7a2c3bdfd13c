/**
 * The regression workflow is valid YAML with the triggers, steps and artifact the job
 * promises, and leaves the logic to scripts/ci-regression.sh (which must parse as bash):
 * GitHub Actions cannot run here, so everything it would run is in the script.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from './fixtures/paths.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  on: { schedule?: Array<{ cron: string }>; workflow_dispatch?: unknown; pull_request?: unknown };
  jobs: Record<string, { 'runs-on': string; steps: Step[]; env?: Record<string, unknown> }>;
}

test('the regression workflow parses, runs on schedule and on demand (pull requests: bench-ab.yml), and calls the script', () => {
  const root = repoRoot();
  const workflow = parse(readFileSync(join(root, '.github/workflows/bench-regression.yml'), 'utf8')) as Workflow;

  assert.match(workflow.on.schedule?.[0]?.cron ?? '', /^\S+ \S+ \* \* \*$/, 'a nightly cron');
  assert.ok('workflow_dispatch' in workflow.on, 'runs on demand');
  assert.ok(!('pull_request' in workflow.on), 'pull requests are gated by bench ab (bench-ab.yml), not a stored baseline');

  const jobs = Object.values(workflow.jobs);
  assert.equal(jobs.length, 1);
  assert.equal(jobs[0]!.env?.['BENCH_NORMALIZE'], '1', 'the committed baseline, compared by speedups over main-thread');
  const steps = jobs[0]!.steps;
  const runs = steps.map((step) => step.run ?? '');
  const setup = runs.findIndex((run) => run.trim() === 'bash scripts/setup.sh');
  const job = runs.findIndex((run) => run.trim() === 'bash scripts/ci-regression.sh');
  assert.ok(setup >= 0, 'sets up with scripts/setup.sh');
  assert.ok(job > setup, 'then runs scripts/ci-regression.sh');
  // No logic in the workflow: every run step is one of the two scripts.
  assert.deepEqual(
    runs.filter((run) => run !== '').map((run) => run.trim()),
    ['bash scripts/setup.sh', 'bash scripts/ci-regression.sh'],
  );

  const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
  assert.ok(upload, 'uploads an artifact');
  assert.equal(upload.if, 'always()', 'even when the job fails: a regression is when the report matters most');
  assert.equal(upload.with?.['path'], `${String(jobs[0]!.env?.['BENCH_CI_OUT'])}/`, 'the folder the script writes everything to');

  execFileSync('bash', ['-n', join(root, 'scripts/ci-regression.sh')]);
  const script = readFileSync(join(root, 'scripts/ci-regression.sh'), 'utf8');
  assert.match(script, /GITHUB_STEP_SUMMARY/, 'the script writes the job summary');
});
