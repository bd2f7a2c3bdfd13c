/**
 * `bench init`: starts bench in the user's project with a starter suite file and a GitHub
 * Actions workflow for the A/B gate. It never overwrites: a file that exists is kept and
 * named, the others are still written, and the exit is 0 (run twice, it changes nothing).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { errorMessage } from '../../../runners/common/error-message.js';
import { makeDirs } from '../../../runners/common/make-dirs.js';
import { AB_WORKFLOW, AB_WORKFLOW_PATH } from '../init/ab-workflow.js';
import { EXAMPLE_SUITE, EXAMPLE_SUITE_PATH } from '../init/example-suite.js';
import { flags, type ArgsOf } from '../flags.js';
import { writableDir } from '../output-paths.js';
import { UsageError } from '../usage-error.js';

const TEMPLATES: ReadonlyArray<{ path: string; text: string }> = [
  { path: EXAMPLE_SUITE_PATH, text: EXAMPLE_SUITE },
  { path: AB_WORKFLOW_PATH, text: AB_WORKFLOW },
];

/** Writes `text` only where no file is: the exclusive create ('wx') cannot replace one, even one made meanwhile. */
function writeNew(file: string, text: string, shown: string): boolean {
  try {
    makeDirs(dirname(file));
    writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new UsageError(`${shown} cannot be written (${errorMessage(error)}): choose a writable directory with --dir`);
  }
}

/** The workflow runs `npx bench` after `npm ci`: only a project that lists bench gets it there. */
function listsBench(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    return ['devDependencies', 'dependencies'].some((field) => Object.hasOwn(Object(manifest[field]), 'bench'));
  } catch {
    return false;
  }
}

const builder = (yargs: Argv) => yargs.options(flags('dir'));

export const initCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'init',
  describe: `write a starter suite (${EXAMPLE_SUITE_PATH}) and a pull-request A/B gate (${AB_WORKFLOW_PATH}); never overwrites`,
  builder,
  handler: (args) => {
    const dir = writableDir('--dir', args.dir ?? '.');
    // Paths as the user will type them: relative to where they are, which --dir may not be.
    const shown = (path: string): string => relative(process.cwd(), join(dir, path)) || '.';
    for (const { path, text } of TEMPLATES) {
      const file = join(dir, path);
      if (writeNew(file, text, shown(path))) process.stdout.write(`wrote ${shown(path)}\n`);
      else process.stdout.write(`kept ${shown(path)}: it exists\n`);
    }
    const suite = shown(EXAMPLE_SUITE_PATH);
    process.stdout.write(
      [
        '',
        'next:',
        `  edit ${suite}: import your own code where it says YOUR CODE`,
        `  npx bench run --suite ${suite} --quick   # a first look: results/<run-id>.json and its HTML report`,
        '  npx bench report results/<run-id>.json   # the report again, from the file the run names',
        `  commit ${shown(AB_WORKFLOW_PATH)}: every pull request then runs the A/B gate`,
        '',
      ].join('\n'),
    );
    if (!listsBench(dir)) {
      const where = existsSync(join(dir, 'package.json')) ? 'package.json does not list bench' : 'there is no package.json';
      process.stdout.write(
        `note: ${where}; the workflow's npm ci installs bench only as a devDependency (README "Use it in your project")\n`,
      );
    }
  },
};
