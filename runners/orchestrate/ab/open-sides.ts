/**
 * Sets up the two sides of `bench ab` from the flags: `--against FILE`, `--base REF` (a git
 * worktree, built) or `--aa`. The harness's own paths decide where a base's compiled code
 * lies: the head runs this build (e.g. dist/), the base the same files of its worktree's build.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AbSideInfo } from '../../contract/ab.js';
import type { PlannedSuite } from '../plan.js';
import { CELL_ENTRY_PATH } from '../spawn-cell.js';
import { baseCodeOf, checkUserSuites, DEFAULT_USER_BUILD } from './base-code.js';
import { checkOutBase } from './base-worktree.js';
import { AbInputError, gitTop, headState, resolveCommit, staleHeadSource } from './git.js';
import { aaSides, againstSides, baseSides, headLabel, type AbSides } from './sides.js';

export type SideSpec =
  | { kind: 'against'; path: string; suite: string; sizeGiven: boolean }
  /** `build`: the command that builds the base (null: --no-build); absent: the project's own default. */
  | { kind: 'base'; ref: string; build?: string | null }
  | { kind: 'aa' };

/** The running harness: its compiled code's folder (holding runners/cell/cell-entry.js) and its package folder. */
export function harnessPaths(cellEntry = CELL_ENTRY_PATH): { build: string; root: string; cellEntry: string } {
  const build = resolve(dirname(cellEntry), '..', '..');
  let root = build;
  while (!existsSync(resolve(root, 'package.json')) && dirname(root) !== root) root = dirname(root);
  return { build, root, cellEntry };
}

export async function openSides(
  suites: readonly PlannedSuite[],
  spec: SideSpec,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<AbSides> {
  const harness = harnessPaths();
  if (spec.kind !== 'base') {
    const top = gitTop(harness.root) ?? gitTop(process.cwd());
    const head = top === null ? { commit: null, dirty: false } : headState(top);
    if (spec.kind === 'aa') return aaSides(suites, harness.cellEntry, head);
    return againstSides(suites, { suite: spec.suite, against: spec.path, sizeGiven: spec.sizeGiven }, harness.cellEntry, signal);
  }

  const code = baseCodeOf(harness.root);
  if (code === null) {
    throw new AbInputError(
      `--base needs a git checkout and ${process.cwd()} is in none: run it in your repository, or give the old suite file with --against FILE`,
    );
  }
  const { top } = code;
  const head = headState(top);
  let build = spec.build;
  if (code.kind === 'user') {
    // Before minutes of checkout and build: the suites must be the repository's own, at REF too.
    checkUserSuites(suites, { top, harnessRoot: harness.root, ref: spec.ref, commit: resolveCommit(top, spec.ref) });
    build = build === undefined ? DEFAULT_USER_BUILD : build;
  } else {
    const stale = staleHeadSource(top, harness.root, harness.build);
    if (stale !== null) {
      throw new AbInputError(
        `--base: ${stale.source} changed after the head's build (${stale.built} is older or missing), so the head side would measure the code ` +
          'before your change: run npm run build, then bench ab again',
      );
    }
  }
  const builtWith = build === undefined ? 'npm run build' : build === null ? null : `"${build}"`;
  const plan =
    code.kind === 'user'
      ? `your repository's code: A its worktree at ${spec.ref}, ${builtWith === null ? 'not built (--no-build)' : `built with ${builtWith}`}, ` +
        `B the working tree as it is; both run by the installed bench (${harness.root})`
      : `bench's own checkout: A its harness at ${spec.ref}, ${builtWith === null ? 'not built (--no-build)' : `built with ${builtWith}`}, B this build (${harness.build})`;
  const base = await checkOutBase({
    top,
    ref: spec.ref,
    harnessRoot: harness.root,
    harnessBuild: harness.build,
    headCellEntry: harness.cellEntry,
    ...(build === undefined ? {} : { build }),
    ...(code.kind === 'user' ? { user: { cwd: process.cwd() } } : {}),
    signal,
    log,
  });
  try {
    if (signal.aborted) {
      // Stopped while setting up: nothing is measured, but the results file still says what was asked.
      const info = (label: string, ref: string | null, commit: string | null): AbSideInfo => ({ label, suitePath: null, ref, commit });
      const unused = aaSides(suites, harness.cellEntry, head);
      return { ...unused, info: { a: info('base', base.ref, base.commit), b: info(headLabel(head.dirty), null, head.commit) }, base };
    }
    const how = base.modules === 'linked' ? "the head's node_modules linked (same package-lock.json)" : `node_modules ${base.modules}`;
    log(`base: ${spec.ref} (${base.commit.slice(0, 12)}) set up and built in ${(base.buildMs / 1000).toFixed(1)} s, ${how}`);
    const sides = await baseSides(suites, base, harness.cellEntry, head, signal, code.kind === 'user' ? [top] : []);
    return { ...sides, plan };
  } catch (error) {
    base.remove();
    throw error;
  }
}
