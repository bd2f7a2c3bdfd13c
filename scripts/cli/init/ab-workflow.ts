/**
 * The GitHub Actions workflow `bench init` writes into the user's repository: on every pull
 * request, the A/B gate (`bench ab`, README "A/B gate") measures the user's code at the base
 * commit against the pull request's, with the installed bench on both sides, and writes its
 * verdicts to the job summary; a regression fails the check. A string, as the starter suite
 * is (example-suite.ts); test/unit/init-workflow-yaml.test.ts parses it.
 */
import { BASELINE_STRATEGY, RUN_STRATEGY_NAMES, STRATEGY_FACTS } from '../../../runners/contract/strategies.js';
import { EXAMPLE_SUITE_PATH } from './example-suite.js';

export const AB_WORKFLOW_PATH = '.github/workflows/bench-ab.yml';

/**
 * The baseline (the user's code alone) and bench's own message-passing pool of each kind: what
 * the code costs, and what handing its tasks to a thread or a process costs, without gating the
 * noise of every strategy.
 */
const GATED = [
  BASELINE_STRATEGY,
  ...(['thread', 'process'] as const).flatMap((kind) =>
    RUN_STRATEGY_NAMES.filter((name) => {
      const facts = STRATEGY_FACTS[name];
      return facts.kind === kind && !facts.perTask && facts.peer === undefined && ['message', 'ipc'].includes(facts.transport);
    }).slice(0, 1),
  ),
];

export const AB_WORKFLOW = `# bench's A/B gate, written by \`npx bench init\`. On every pull request it measures
# ${EXAMPLE_SUITE_PATH} on the pull request's base commit (checked out in a temp worktree
# and built with \`npm run build --if-present\`) and on its head, in the same job, their rounds
# interleaved, until each answer is decided: both sides suffer the same runner noise, so no
# stored baseline is needed. The verdicts become the job summary; a regression (exit 1)
# fails the check. bench must be in package.json's devDependencies, for \`npm ci\`.
name: bench ab

on:
  pull_request:

permissions:
  contents: read

# One gate at a time per pull request: a new push cancels the gate of the old one.
concurrency:
  group: bench-ab-\${{ github.ref }}
  cancel-in-progress: true

jobs:
  ab:
    runs-on: ubuntu-latest
    timeout-minutes: 40
    steps:
      # The whole history: the base commit must be in the clone for \`git worktree add\`.
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0

      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm

      - run: npm ci

      # The head's build, if the project has one (the base's, bench ab builds itself).
      - run: npm run build --if-present

      # The base sha is hex only, so it is safe in the command line. --max-time leaves the
      # job's timeout room for the build and the upload: what is undecided then is called
      # inconclusive, which passes. --strategies: the gated ones (npx bench list: all of them).
      - name: A/B gate against the base commit
        run: >-
          npx bench ab --base \${{ github.event.pull_request.base.sha }}
          --suite ${EXAMPLE_SUITE_PATH} --strategies ${GATED.join(',')}
          --max-time 20m --markdown "$GITHUB_STEP_SUMMARY" --out bench-results

      - name: Upload the results and report
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: bench-ab-\${{ github.run_id }}
          path: bench-results/
          if-no-files-found: warn
          retention-days: 30
`;
