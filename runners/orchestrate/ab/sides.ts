/**
 * The two sides of `bench ab`, resolved and checked before anything is measured: A (the old
 * version: `--against FILE`, the `--base REF` worktree, or with `--aa` the head again) and B
 * (the head: this checkout and the suites as given). Both must describe the same workload —
 * the same suite names and sizes — or the pairs would compare two different questions.
 * Each side's suite file is read by the suite probe (suite-facts.ts), in a process of its own.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AbSide, AbSideInfo } from '../../contract/ab.js';
import { resolveSuiteUrl } from '../../../suites/registry.js';
import type { PlannedSuite } from '../plan.js';
import { suiteFacts, SuiteProbeInterrupted, type SuiteFacts } from '../suite-facts.js';
import type { SideCode } from './ab-round.js';
import type { BaseWorktree } from './base-worktree.js';
import { AbInputError } from './git.js';

export interface AbSides {
  info: Record<AbSide, AbSideInfo>;
  code: Record<AbSide, SideCode>;
  /** The `--base` worktree, removed when the run ends. */
  base: BaseWorktree | null;
  /** `--base`: whose code the sides are and what was built, for the plan line. */
  plan?: string;
}

const headCode = (suites: readonly PlannedSuite[], cellEntry: string): SideCode => ({
  cellEntry,
  suiteUrls: Object.fromEntries(suites.map((s) => [s.name, s.url])),
  readDirs: [],
});

/** The head of `--base`: this checkout as built, uncommitted changes included. */
export const headLabel = (dirty: boolean): string => (dirty ? 'head + uncommitted changes' : 'head');

const filePathOf = (url: string): string | null => (url.startsWith('file:') ? fileURLToPath(url) : null);

function sameSizes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((size, i) => size === b[i]);
}

/**
 * A suite's facts, or undefined when a signal stopped its probe: nothing is measured then,
 * and the sides go unchecked so the results file still says what was asked.
 */
async function factsUnlessStopped(url: string, signal: AbortSignal | undefined): Promise<SuiteFacts | undefined> {
  try {
    return await suiteFacts(url, signal === undefined ? {} : { signal });
  } catch (error) {
    if (error instanceof SuiteProbeInterrupted) return undefined;
    throw error;
  }
}

/** `--aa`: the head twice; the pairs then show what the gate calls noise on this machine. */
export function aaSides(suites: readonly PlannedSuite[], cellEntry: string, head: { commit: string | null }): AbSides {
  const code = headCode(suites, cellEntry);
  const info = (label: string): AbSideInfo => ({ label, suitePath: null, ref: null, commit: head.commit });
  return { info: { a: info('head'), b: info('head (again)') }, code: { a: code, b: { ...code } }, base: null };
}

/**
 * `--against FILE`: the head's one suite (`--suite`) against an old version of it. Same name,
 * same `sizes` and the same size measured (`--size`, or both files' `defaultSize`).
 */
export async function againstSides(
  suites: readonly PlannedSuite[],
  spec: { suite: string; against: string; sizeGiven: boolean },
  cellEntry: string,
  signal?: AbortSignal,
): Promise<AbSides> {
  const [head] = suites;
  if (suites.length !== 1 || head === undefined) {
    throw new AbInputError(`--against compares one suite with its old version: give one --suite, not "${spec.suite}"`);
  }
  const againstUrl = resolveSuiteUrl(spec.against);
  if (againstUrl === head.url) {
    throw new AbInputError(`--against ${spec.against} is the --suite file itself: give the old version, or use --aa to measure noise`);
  }
  const [old, current] = await Promise.all([factsUnlessStopped(againstUrl, signal), factsUnlessStopped(head.url, signal)]);
  if (old !== undefined && current !== undefined) checkSameWorkload(old, current, head.size, spec);
  const pathInfo = (path: string): AbSideInfo => ({ label: path, suitePath: path, ref: null, commit: null });
  const b = headCode(suites, cellEntry);
  return {
    info: { a: pathInfo(spec.against), b: pathInfo(spec.suite) },
    code: { a: { ...b, suiteUrls: { [head.name]: againstUrl } }, b },
    base: null,
  };
}

const describeSizes = (suite: SuiteFacts): string => `sizes ${suite.sizes.join(',')}, defaultSize ${suite.defaultSize}`;

function checkSameWorkload(
  old: SuiteFacts,
  current: SuiteFacts,
  size: number,
  spec: { suite: string; against: string; sizeGiven: boolean },
): void {
  if (old.name !== current.name) {
    throw new AbInputError(
      `--against ${spec.against} is suite "${old.name}" but --suite ${spec.suite} is "${current.name}": give two versions of the same suite`,
    );
  }
  if (!sameSizes(old.sizes, current.sizes) || (!spec.sizeGiven && old.defaultSize !== current.defaultSize)) {
    throw new AbInputError(
      `--against ${spec.against} and --suite ${spec.suite} differ in sizes (${describeSizes(old)} vs ${describeSizes(current)}): ` +
        'give both versions the same sizes and defaultSize, or the pairs measure different work',
    );
  }
  if (old.maxSize !== undefined && size > old.maxSize) {
    throw new AbInputError(`--size ${size} is above ${spec.against}'s maxSize ${old.maxSize}: choose a size both versions accept`);
  }
}

/**
 * `--base REF`: every head suite maps to the base's copy — a built-in suite to the base's own
 * build, a suite file inside the checkout to the file at REF, a file outside it is shared —
 * which must exist and be the same suite.
 */
export async function baseSides(
  suites: readonly PlannedSuite[],
  base: BaseWorktree,
  cellEntry: string,
  head: { commit: string | null; dirty: boolean },
  signal?: AbortSignal,
  /** Folders both sides' cells read besides their suites' (a user's repository: what the suites import). */
  readDirs: readonly string[] = [],
): Promise<AbSides> {
  const suiteUrls: Record<string, string> = {};
  for (const suite of suites) {
    const headPath = filePathOf(suite.url);
    if (headPath === null) {
      suiteUrls[suite.name] = suite.url;
      continue;
    }
    const basePath = base.mapPath(headPath);
    if (!existsSync(basePath)) {
      throw new AbInputError(
        `--suite ${suite.name}: ${relative(base.dir, basePath)} does not exist at ${base.ref}; a new suite has no base to compare with (drop it from --suite)`,
      );
    }
    const url = pathToFileURL(basePath).href;
    const old = await factsUnlessStopped(url, signal);
    if (old === undefined) {
      suiteUrls[suite.name] = url;
      continue;
    }
    if (old.name !== suite.name) {
      throw new AbInputError(
        `--suite ${suite.name}: at ${base.ref} that file is suite "${old.name}"; compare a suite that both commits have`,
      );
    }
    if (old.maxSize !== undefined && suite.size > old.maxSize) {
      throw new AbInputError(
        `--size ${suite.size} is above the maxSize ${old.maxSize} of ${suite.name} at ${base.ref}: choose a size both accept`,
      );
    }
    suiteUrls[suite.name] = url;
  }
  return {
    info: {
      a: { label: 'base', suitePath: null, ref: base.ref, commit: base.commit },
      b: { label: headLabel(head.dirty), suitePath: null, ref: null, commit: head.commit },
    },
    code: {
      a: { cellEntry: base.cellEntry, suiteUrls, readDirs: [base.dir, ...readDirs] },
      b: { ...headCode(suites, cellEntry), readDirs: [...readDirs] },
    },
    base,
  };
}
