/**
 * What `bench ab --base` asks of git: the checkout the harness lives in, a ref resolved to
 * its commit, and whether the head side's build is older than the working tree it stands for.
 * Every failure the user can fix is an AbInputError (exit 2, one line naming the fix).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Bad input found while setting up the sides; carries exitCode 2 (scripts/usage-error.ts recognises it). */
export class AbInputError extends Error {
  readonly exitCode = 2;
  override name = 'AbInputError';
}

export function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The top folder of the git checkout holding `dir`, or null when it is in none (or git is missing). */
export function gitTop(dir: string): string | null {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']) || null;
  } catch {
    return null;
  }
}

/** `ref` → the full commit it names in the checkout at `top`. */
export function resolveCommit(top: string, ref: string): string {
  if (ref === '' || ref.startsWith('-'))
    throw new AbInputError(`--base "${ref}" is not a git ref: give a branch, tag or commit, e.g. --base origin/main`);
  try {
    return git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch {
    throw new AbInputError(
      `--base ${ref}: no such commit in ${top}; check the name, or fetch it first (e.g. git fetch origin ${ref.replace(/^origin\//, '')})`,
    );
  }
}

/** HEAD's commit and whether tracked or new files differ from it. */
export function headState(top: string): { commit: string | null; dirty: boolean } {
  try {
    const commit = git(top, ['rev-parse', 'HEAD']);
    return { commit, dirty: git(top, ['status', '--porcelain', '--untracked-files=normal']) !== '' };
  } catch {
    return { commit: null, dirty: false };
  }
}

/** The source folders whose compiled code the cells run (the CLI's own code runs the same for both sides). */
const CELL_SOURCES = ['runners', 'suites'];

/**
 * The dirty worktree that matters for `--base`: the head side measures the compiled harness
 * (`dist/`), not the TypeScript beside it. A changed or new source file of the cells' code
 * whose build output is missing or older than it would make the head side measure the code
 * before the change, and the gate would judge the wrong thing; uncommitted changes that are
 * built are exactly what `--base` is for, and are fine. Returns the first stale file, or null.
 * Only when the harness is this checkout itself (`harnessRoot` is the git top): a project
 * that installs bench has no build of ours to go stale.
 */
export function staleHeadSource(top: string, harnessRoot: string, harnessBuild: string): { source: string; built: string } | null {
  if (relative(top, harnessRoot) !== '') return null;
  let listing: string;
  try {
    listing = execFileSync('git', ['-C', top, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...CELL_SOURCES], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
  // -z entries: "XY path"; a rename or copy is followed by its old path as an entry of its own.
  const entries = listing.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry[0] === 'R' || entry[0] === 'C') i += 1;
    const path = entry.slice(3);
    if (entry.length < 4 || entry[0] === 'D' || entry[1] === 'D' || !/\.[cm]?ts$/.test(path) || /\.d\.[cm]?ts$/.test(path)) continue;
    const source = join(top, path);
    if (!existsSync(source)) continue;
    const built = join(harnessBuild, path.replace(/\.([cm]?)ts$/, '.$1js'));
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(source).mtimeMs) {
      return { source: path.split(sep).join('/'), built: relative(top, built) };
    }
  }
  return null;
}
