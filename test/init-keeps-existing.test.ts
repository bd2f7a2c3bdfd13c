/**
 * `bench init` never overwrites: a file that exists is kept, byte for byte, and named
 * ("kept …: it exists"); the files that are missing are still written; the exit is 0.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AB_WORKFLOW, AB_WORKFLOW_PATH } from '../scripts/cli/init/ab-workflow.js';
import { EXAMPLE_SUITE_PATH } from '../scripts/cli/init/example-suite.js';
import { runCli, tempDir } from './helpers/cli.js';

test('a second bench init keeps the existing files unchanged and writes only the missing one', async () => {
  const project = tempDir('bench-init-');
  const first = await runCli(['init'], {}, project);
  assert.equal(first.code, 0, first.stderr);

  const suite = join(project, EXAMPLE_SUITE_PATH);
  const workflow = join(project, AB_WORKFLOW_PATH);
  const mine = 'export default { name: "mine" }; // the user edited it\n';
  writeFileSync(suite, mine);
  rmSync(workflow);

  const second = await runCli(['init'], {}, project);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, new RegExp(`^kept ${EXAMPLE_SUITE_PATH.replace(/\./g, '\\.')}: it exists$`, 'm'));
  assert.match(second.stdout, new RegExp(`^wrote ${AB_WORKFLOW_PATH.replace(/\./g, '\\.')}$`, 'm'));
  assert.equal(readFileSync(suite, 'utf8'), mine, 'the edited suite is kept');
  assert.equal(readFileSync(workflow, 'utf8'), AB_WORKFLOW);

  // Through --dir, from elsewhere: the same files, kept, and the paths shown as the user would type them.
  const third = await runCli(['init', '--dir', project], {}, tempDir());
  assert.equal(third.code, 0, third.stderr);
  assert.doesNotMatch(third.stdout, /^wrote /m);
  assert.equal((third.stdout.match(/: it exists$/gm) ?? []).length, 2, third.stdout);
  assert.equal(readFileSync(suite, 'utf8'), mine);
});
