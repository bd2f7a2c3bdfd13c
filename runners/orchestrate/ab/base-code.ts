/**
 * Whose code `bench ab --base REF` compares. Run from bench's own checkout, bench's: REF's
 * harness is built in the worktree and runs side A. Run in a user's repository that has bench
 * installed as a dependency, the user's: both sides run the installed bench (the running
 * CLI's own build), side A on the user's files at REF — their suite file and what it imports —
 * after the user's own build command, side B on the working tree.
 *
 * Which one: the git repository holding the cwd. If it also holds the running harness, and not
 * as an installed package under a node_modules folder, it is bench's own checkout.
 */
import { existsSync, realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlannedSuite } from '../plan.js';
import { AbInputError, git, gitTop } from './git.js';

/** The base's build in a user's repository unless --build says otherwise: their package's own, if it has one. */
export const DEFAULT_USER_BUILD = 'npm run build --if-present';

export type BaseCode =
  /** bench's own checkout: today's `--base`, the harness itself at REF. */
  | { kind: 'harness'; top: string }
  /** A user's repository: their code at REF, run by the installed harness. */
  | { kind: 'user'; top: string };

export const isInside = (child: string, parent: string): boolean => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
};

const real = (path: string): string => (existsSync(path) ? realpathSync(path) : path);

/** The harness is a package some project installed, not a checkout of its own. */
const installedIn = (harnessRoot: string, top: string): boolean => relative(top, harnessRoot).split(sep).includes('node_modules');

/**
 * The code `--base` compares, or null when neither the cwd nor the harness lies in a git
 * repository. Outside any repository the harness's own checkout is used, as before the
 * user's repository was a mode of its own.
 */
export function baseCodeOf(harnessRoot: string, cwd = process.cwd()): BaseCode | null {
  const root = real(harnessRoot);
  const cwdTop = gitTop(cwd);
  if (cwdTop === null) {
    const own = gitTop(root);
    return own === null || installedIn(root, real(own)) ? null : { kind: 'harness', top: own };
  }
  const top = real(cwdTop);
  return isInside(root, top) && !installedIn(root, top) ? { kind: 'harness', top: cwdTop } : { kind: 'user', top: cwdTop };
}

/**
 * A user's suites, checked before anything is checked out or built: each must be a file of the
 * repository (a built-in suite or a file outside it would be the same code on both sides) that
 * REF has too. A file git ignores is the build's output: the base's build makes it, and its
 * presence is checked after the build (sides.ts baseSides).
 */
export function checkUserSuites(
  suites: readonly PlannedSuite[],
  code: { top: string; harnessRoot: string; ref: string; commit: string },
  cwd = process.cwd(),
): void {
  const top = real(code.top);
  const harnessRoot = real(code.harnessRoot);
  for (const suite of suites) {
    const path = suite.url.startsWith('file:') ? real(fileURLToPath(suite.url)) : null;
    if (path === null || isInside(path, harnessRoot)) {
      throw new AbInputError(
        `--suite ${suite.name} is bench's own built-in suite, the same code on both sides of --base: give a suite file of this repository that imports your code, e.g. --suite bench/${suite.name}.bench.mjs`,
      );
    }
    const shown = relative(cwd, path) || path;
    if (!isInside(path, top)) {
      throw new AbInputError(
        `--suite ${shown} lies outside the repository ${code.top}, so both sides would run the same file: put the suite in the repository (e.g. bench/${suite.name}.bench.mjs) and commit it`,
      );
    }
    const inRepo = relative(top, path).split(sep).join('/');
    if (atCommit(code.top, code.commit, inRepo) || ignored(code.top, inRepo)) continue;
    throw new AbInputError(
      `${shown} does not exist at REF ${code.ref} (${code.commit.slice(0, 12)}); a suite new in the working tree has no base to compare with: commit it where ${code.ref} has it too, or choose a --base that has it`,
    );
  }
}

function atCommit(top: string, commit: string, path: string): boolean {
  try {
    git(top, ['cat-file', '-e', `${commit}:${path}`]);
    return true;
  } catch {
    return false;
  }
}

function ignored(top: string, path: string): boolean {
  try {
    git(top, ['check-ignore', '--quiet', '--', path]);
    return true;
  } catch {
    return false;
  }
}
