/**
 * `bench init` writes a GitHub Actions workflow for the user's repository: on pull requests,
 * check out with the whole history, set up Node, `npm ci`, and run the installed bench's A/B
 * gate against the base sha on the starter suite, its markdown into the job summary. GitHub
 * Actions cannot run here, so the YAML is parsed and its steps checked, and every flag of the
 * gate is one `bench ab` declares.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { RUN_STRATEGY_NAMES } from '../../runners/contract/strategies.js';
import { FLAGS } from '../../scripts/cli/flags.js';
import { AB_WORKFLOW } from '../../scripts/cli/init/ab-workflow.js';
import { EXAMPLE_SUITE_PATH } from '../../scripts/cli/init/example-suite.js';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

test("init's workflow runs npx bench ab --base the pull request's base sha on the starter suite, summary to the job", () => {
  const workflow = parse(AB_WORKFLOW) as Workflow;
  assert.deepEqual(Object.keys(workflow.on), ['pull_request']);
  const jobs = Object.values(workflow.jobs);
  assert.equal(jobs.length, 1);
  const steps = jobs[0]!.steps;
  const at = (found: (step: Step) => boolean, what: string): number => {
    const index = steps.findIndex(found);
    assert.ok(index >= 0, `a step that ${what}`);
    return index;
  };
  const run = (step: Step): string => (step.run ?? '').replace(/\s+/g, ' ').trim();

  const checkout = at((step) => step.uses?.startsWith('actions/checkout@') === true, 'checks out');
  assert.equal(steps[checkout]!.with?.['fetch-depth'], 0, 'the base commit must be in the clone for git worktree add');
  const node = at((step) => step.uses?.startsWith('actions/setup-node@') === true, 'sets up Node');
  const install = at((step) => run(step) === 'npm ci', 'runs npm ci');
  const gate = at((step) => run(step).startsWith('npx bench ab '), 'runs the gate');
  assert.ok(checkout < node && node < install && install < gate, 'checkout, Node, npm ci, then the gate');

  const command = run(steps[gate]!);
  assert.match(command, /^npx bench ab --base \$\{\{ github\.event\.pull_request\.base\.sha \}\} /);
  assert.ok(command.includes(` --suite ${EXAMPLE_SUITE_PATH} `), command);
  assert.match(command, /--markdown "\$GITHUB_STEP_SUMMARY"/);
  for (const [, flag] of command.matchAll(/ --([\w-]+)/g)) assert.ok(Object.hasOwn(FLAGS, flag!), `--${flag} is a flag of bench`);
  const strategies = /--strategies (\S+)/.exec(command)?.[1]?.split(',') ?? [];
  assert.ok(
    strategies.length > 0 && strategies.every((name) => (RUN_STRATEGY_NAMES as readonly string[]).includes(name)),
    strategies.join(','),
  );

  const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
  assert.equal(upload?.if, 'always()', 'the results are kept when the gate fails');
  assert.ok(command.includes(` --out ${String(upload?.with?.['path']).replace(/\/$/, '')}`), 'it uploads what the gate wrote');
});
