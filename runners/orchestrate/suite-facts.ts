/**
 * What the CLI knows of a suite — its name, description and sizes, and for a study's
 * estimate the time of one task per size — comes from the suite probe, a child process
 * started and supervised as a cell is (contract/suite-probe.ts). The CLI never evaluates a
 * suite itself: at import a suite may exit, replace JSON.stringify or Math.max, start a
 * worker that keeps the process alive, write to stdout or change directory, and all of
 * that must happen to a process of its own, never to the one that writes the results.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { SuiteLoadError } from '../../suites/registry.js';
import { SUITE_PROBE_OUTCOME, type SuiteFacts, type SuiteProbeOutcome, type SuiteProbeSpec } from '../contract/suite-probe.js';
import { launchCommand, suiteReadDirs } from '../runtimes/launch.js';
import { locateRuntime } from '../runtimes/locate.js';
import { explainCause, isOutOfMemory } from '../common/stderr-cause.js';
import { memoryBudget, RssWatchdog, sampleTree } from './rss-watchdog.js';
import { scratchPrefix } from './run-leftovers.js';
import { killGroup, runSupervised, type Ending } from './supervised-process.js';

export type { SuiteFacts };

const PROBE_ENTRY = fileURLToPath(new URL('../cell/suite-probe-entry.js', import.meta.url));
/**
 * The probe's heap where the command has no --max-heap: a suite that allocates without end at
 * import fails its load, not the machine (V8's limit on the heap, the watchdog off it).
 */
const PROBE_HEAP_MB = 1024;
/** How long a suite may take to load where the command has no --cell-timeout: its default. */
export const DEFAULT_LOAD_TIMEOUT_MS = 120_000;

export interface ProbeOptions {
  /** The probe is ended after this long. */
  timeoutMs?: number;
  /** The command's --max-heap: the probe's heap limit and memory budget (default PROBE_HEAP_MB). */
  heapMb?: number;
  /** Ctrl-C: the probe is ended at once. */
  signal?: AbortSignal;
  /** A study's estimate: time one task per size (contract/suite-probe.ts). */
  timing?: SuiteProbeSpec['timing'];
}

export type ProbeAnswer = Extract<SuiteProbeOutcome, { ok: true }> | { ok: false; error: string; interrupted: boolean };

/** The probe's outcome file, checked: the suite ran in the process that wrote it. */
function readAnswer(path: string): SuiteProbeOutcome | { invalid: string } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = v.safeParse(SUITE_PROBE_OUTCOME, JSON.parse(text));
    if (parsed.success) return parsed.output;
    const [issue] = parsed.issues;
    return { invalid: `${v.getDotPath(issue) ?? 'the answer'}: ${issue.message}` };
  } catch (error) {
    return { invalid: error instanceof Error ? error.message : String(error) };
  }
}

function failure(url: string, ending: Ending, timeoutMs: number, heapMb: number): string {
  switch (ending.ended) {
    case 'interrupted':
      return `loading suite ${url} was interrupted`;
    case 'timed-out':
      return `suite ${url} did not load within ${timeoutMs / 1000}s: does its import wait for something that never comes? (raise --cell-timeout if it loads this slowly)`;
    case 'exited': {
      const { how, cause, hint } = ending;
      // Out of memory is no misconduct at import to warn of: the limit, and how to raise it.
      if (cause !== undefined && isOutOfMemory(cause))
        return `suite ${url} did not load: suite probe process ${how}: ${explainCause(cause, heapMb)}`;
      return (
        `suite ${url} ended the process loading it (${how}) before its contract was checked${cause ? `: ${cause}` : ''}; ` +
        `a suite module must not exit, signal or crash its process at import${hint ? ` (${hint})` : ''}`
      );
    }
  }
}

/**
 * Loads `url` in a probe process and returns what it answered, or why it did not: a hang,
 * an exit or a crash of the suite is a failure with its reason, never the CLI's. What the
 * probe wrote before it was ended (the facts, the sizes timed so far) still counts.
 */
export async function probeSuite(url: string, options: ProbeOptions = {}): Promise<ProbeAnswer> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  // Named with this process's PID: a later run removes it if a kill left it (run-leftovers.ts).
  const scratch = mkdtempSync(scratchPrefix('probe'));
  try {
    const spec: SuiteProbeSpec = {
      suiteUrl: url,
      outcomePath: join(scratch, 'probe.json'),
      ...(options.timing === undefined ? {} : { timing: options.timing }),
    };
    const heapMb = options.heapMb ?? PROBE_HEAP_MB;
    const launch = launchCommand(locateRuntime('node', {}), PROBE_ENTRY, [JSON.stringify(spec)], {
      readDirs: suiteReadDirs(url),
      writeDir: scratch,
      forks: false,
      setsPriority: false,
      heapMb,
    });
    const signal = options.signal ?? new AbortController().signal;
    // The heap flag stops the heap; memory off it (typed arrays, a Worker's) only the watchdog does.
    const watchdog = new RssWatchdog(memoryBudget(heapMb, 0, 'suite probe'));
    const ending = await runSupervised({
      launch,
      scratch,
      timeoutMs,
      signal,
      watch: (pid, supervisorPids) => sampleTree(pid, supervisorPids, watchdog, () => killGroup(pid)).stop,
    });
    const answer = readAnswer(spec.outcomePath);
    if (answer !== undefined && !('invalid' in answer)) return answer.ok ? answer : { ...answer, interrupted: false };
    if (ending.ended === 'interrupted') return { ok: false, error: failure(url, ending, timeoutMs, heapMb), interrupted: true };
    // Ended by the watchdog before it answered: how it died (SIGKILL, from us) says nothing of why.
    if (watchdog.reason !== undefined) return { ok: false, error: `suite ${url} did not load: ${watchdog.reason}`, interrupted: false };
    if (answer !== undefined) {
      return {
        ok: false,
        error: `suite ${url} answered its load with something else than its facts (${answer.invalid}): does it replace JSON or rewrite files at import?`,
        interrupted: false,
      };
    }
    return { ok: false, error: failure(url, ending, timeoutMs, heapMb), interrupted: false };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A probe ended by the command's signal: the caller stops, it has nothing to report. */
export class SuiteProbeInterrupted extends Error {}

// One probe per suite and command: run, study and ab each ask again for the same suite.
const known = new Map<string, Promise<SuiteFacts>>();

/**
 * The facts of one suite; a suite that does not load or does not meet the contract is a
 * SuiteLoadError (one line, exit 2) naming it and the fix.
 */
export function suiteFacts(url: string, options: Omit<ProbeOptions, 'timing'> = {}): Promise<SuiteFacts> {
  const cached = known.get(url);
  if (cached !== undefined) return cached;
  const facts = probeSuite(url, options).then((answer) => {
    if (answer.ok) return answer.facts;
    known.delete(url);
    throw answer.interrupted ? new SuiteProbeInterrupted(answer.error) : new SuiteLoadError(answer.error);
  });
  known.set(url, facts);
  return facts;
}

/** Several suites, probed at once; the first failure in the order given is the one thrown. */
export async function allSuiteFacts(urls: readonly string[], options: Omit<ProbeOptions, 'timing'> = {}): Promise<SuiteFacts[]> {
  const settled = await Promise.allSettled(urls.map((url) => suiteFacts(url, options)));
  return settled.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}
