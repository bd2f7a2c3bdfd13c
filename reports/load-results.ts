/**
 * Reads a results file and checks it against the schema v1 contract before any report
 * touches it, so a bad file fails with one line naming the file, never with a stack
 * trace from deep inside a chart builder.
 */
import { readFile } from 'node:fs/promises';
import { SCHEMA_VERSION, type RunResult } from '../runners/contract/results.js';
import { ContextReferenceError, contextOf } from './cell-context.js';

/** A results file that cannot be used. `exitCode` 2 makes the CLI treat it as a usage error. */
export class ResultsFileError extends Error {
  readonly exitCode = 2;
  override readonly name = 'ResultsFileError';

  constructor(readonly file: string, problem: string, fix: string) {
    super(`${file}: ${problem}; ${fix}`.replace(/\s*\n\s*/g, ' '));
  }
}

const WRITTEN_BY_RUN = 'pass a results file written by `bench run`';

export async function loadResults(file: string): Promise<RunResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ResultsFileError(file, 'file not found', 'check the path, or ' + WRITTEN_BY_RUN);
    if (code === 'EISDIR') throw new ResultsFileError(file, 'is a directory, not a results file', WRITTEN_BY_RUN);
    throw new ResultsFileError(file, `cannot be read (${code ?? String(error)})`, 'check its permissions');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ResultsFileError(file, `is not valid JSON (${detail})`, WRITTEN_BY_RUN);
  }
  return validateResults(value, file);
}

/** Checks an already-parsed value; `file` only names it in the error. */
export function validateResults(value: unknown, file: string): RunResult {
  if (!isRecord(value)) {
    throw new ResultsFileError(file, `is JSON but not a results object (found ${describe(value)})`, WRITTEN_BY_RUN);
  }
  if (value['schemaVersion'] !== SCHEMA_VERSION) {
    const found = 'schemaVersion' in value
      ? `has schemaVersion ${JSON.stringify(value['schemaVersion'])}, this bench reads schemaVersion ${SCHEMA_VERSION}`
      : 'has no schemaVersion, so it is not a bench results file';
    throw new ResultsFileError(file, found, 'render it with the bench version that wrote it, or re-run `bench run`');
  }
  const problems: string[] = [];
  RUN(value, '', problems);
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join(', ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    throw new ResultsFileError(file, `does not match the results schema: ${shown}${more}`, 're-run `bench run` to regenerate it');
  }
  const run = value as unknown as RunResult;
  try {
    for (const cell of run.cells) contextOf(run, cell);
  } catch (error: unknown) {
    if (error instanceof ContextReferenceError) throw new ResultsFileError(file, error.message, 're-create it with `bench merge`');
    throw error;
  }
  // Every field a report reads was checked just above.
  return run;
}

// A check reports problems as "path: what is wrong" and never throws, so one pass
// finds every problem and the message can name the first few.
type Check = (value: unknown, path: string, problems: string[]) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

const fieldPath = (parent: string, key: string): string => (parent === '' ? key : `${parent}.${key}`);

function primitive(type: 'string' | 'number' | 'boolean'): Check {
  return (value, path, problems) => {
    if (typeof value !== type || (type === 'number' && !Number.isFinite(value))) {
      problems.push(`${path} should be a ${type}, found ${describe(value)}`);
    }
  };
}

const str = primitive('string');
const num = primitive('number');
const bool = primitive('boolean');

function nullable(check: Check): Check {
  return (value, path, problems) => {
    if (value !== null) check(value, path, problems);
  };
}

function arrayOf(check: Check): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value)) {
      problems.push(`${path} should be an array, found ${describe(value)}`);
      return;
    }
    value.forEach((item, i) => check(item, `${path}[${i}]`, problems));
  };
}

function pair(check: Check): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value) || value.length !== 2) {
      problems.push(`${path} should be a [low, high] pair, found ${describe(value)}`);
      return;
    }
    value.forEach((item, i) => check(item, `${path}[${i}]`, problems));
  };
}

function recordOf(check: Check): Check {
  return (value, path, problems) => {
    if (!isRecord(value)) {
      problems.push(`${path} should be an object, found ${describe(value)}`);
      return;
    }
    for (const [key, item] of Object.entries(value)) check(item, `${path}[${JSON.stringify(key)}]`, problems);
  };
}

/** Required fields only: extra fields are welcome (the schema grows without a version bump). */
function object(fields: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (value, path, problems) => {
    if (!isRecord(value)) {
      problems.push(`${path === '' ? 'the top level' : path} should be an object, found ${describe(value)}`);
      return;
    }
    for (const [key, check] of Object.entries(fields)) {
      const at = fieldPath(path, key);
      if (!(key in value)) problems.push(`${at} is missing`);
      else check(value[key], at, problems);
    }
    for (const [key, check] of Object.entries(optional)) {
      if (value[key] !== undefined) check(value[key], fieldPath(path, key), problems);
    }
  };
}

const DELAY = object({ p50Ms: num, p99Ms: num, maxMs: num });

/**
 * A sample array: finite numbers only (compare computes per-round percentiles from them,
 * and a null would read as 0). One problem per array, not one per sample, and no
 * per-sample path string: a full run holds hundreds of thousands of samples.
 */
const samples: Check = (value, path, problems) => {
  if (!Array.isArray(value)) {
    problems.push(`${path} should be an array, found ${describe(value)}`);
    return;
  }
  const bad = value.findIndex((sample) => typeof sample !== 'number' || !Number.isFinite(sample));
  if (bad >= 0) problems.push(`${path}[${bad}] should be a number, found ${describe(value[bad])}`);
};

const ROUND = object({
  round: num, tasks: num, wallMs: num, tasksPerSec: num,
  latencySamplesMs: samples, loadedLatencySamplesMs: samples,
  eventLoopDelay: DELAY, startupSamplesMs: samples, peakRssBytes: num, verifiedOutputs: num,
}, { foreignCpuShare: nullable(num), latencyMeanMs: num, latencyCount: num });

// `runtime` is checked as a string, not against RuntimeName: a report should still render a
// file from a harness that learned a new runtime.
const KEY = { scenario: str, suite: str, size: num, strategy: str, runtime: str, workers: num };

const CELL_BY_STATUS: Record<string, Check> = {
  completed: object({
    ...KEY, verified: bool,
    throughput: object({ tasksPerSec: num, ci95: pair(num), rounds: arrayOf(num) }),
    latency: object({ meanMs: num, p50Ms: num, p75Ms: num, p99Ms: num, maxMs: num, count: num }),
    loadedLatency: DELAY,
    eventLoopDelay: object({ p50Ms: num, p99Ms: num, maxMs: num, method: str }),
    startupMs: nullable(num),
    memory: object({ peakRssBytes: num }),
    rounds: arrayOf(ROUND),
  }),
  errored: object({ ...KEY, error: object({ message: str, round: num }), rounds: arrayOf(ROUND) }),
  skipped: object({ ...KEY, reason: str }),
};

// A completed `bench http` cell (scenario 'http'): its figures differ from a batch cell's.
const HTTP_COMPLETED = object({
  ...KEY, verified: bool,
  requests: object({ perSec: num, ok: num, total: num, wallMs: num }),
  latency: object({ meanMs: num, p50Ms: num, p90Ms: num, p99Ms: num, maxMs: num, count: num }),
  errors: object({ errors: num, timeouts: num, non2xx: num, overloaded: num, serverErrors: num }),
  eventLoopDelay: object({ p50Ms: num, p99Ms: num, maxMs: num, method: str }),
  health: nullable(object({ p50Ms: num, p99Ms: num, maxMs: num, count: num, failures: num })),
  startupMs: nullable(num),
  memory: object({ peakRssBytes: num }),
  server: object({ answered: num, overloaded: num, failed: num, health: num, verifiedOutputs: num }),
  samples: object({ latencyMs: samples, healthMs: samples }),
}, { foreignCpuShare: nullable(num) });

// A merged file's cells name their context (reports/cell-context.ts).
const CONTEXT_ID = object({}, { contextId: str });

const CELL: Check = (value, path, problems) => {
  const status = isRecord(value) ? value['status'] : undefined;
  const http = isRecord(value) && value['scenario'] === 'http' && status === 'completed';
  const check = http ? HTTP_COMPLETED : typeof status === 'string' && Object.hasOwn(CELL_BY_STATUS, status) ? CELL_BY_STATUS[status] : undefined;
  if (check) {
    check(value, path, problems);
    CONTEXT_ID(value, path, problems);
  }
  else if (!isRecord(value)) problems.push(`${path} should be an object, found ${describe(value)}`);
  else problems.push(`${path}.status should be "completed", "errored" or "skipped", found ${JSON.stringify(status) ?? 'nothing'}`);
};

const WARNING = object(
  { kind: str, message: str, hint: str },
  { cell: object({ suite: str, size: num, strategy: str, runtime: str }) },
);

// `runtimes`: each runtime's capability probe; compare reads its version (fingerprint.ts).
const CONTEXT = object(
  {
    runtime: object({ name: str, version: str }),
    os: object({ platform: str, release: str, arch: str }),
    cpu: object({ model: str, cores: num }),
    memoryBytes: num, hostname: str, commit: nullable(str), harnessVersion: str,
    loadAverage1m: num, timingEnv: recordOf(str), commandLine: arrayOf(str),
  },
  { runtimes: recordOf(object({ runtime: str, version: str })) },
);

const RUN = object(
  {
    runId: str, createdAt: str, complete: bool,
    context: CONTEXT,
    config: object({
      suites: arrayOf(str), sizes: recordOf(num), strategies: arrayOf(str), workers: num, workerNice: num, rounds: num,
      quick: bool, phaseMs: num, cellTimeoutMs: num, seed: num,
    }),
    cells: arrayOf(CELL),
    warnings: arrayOf(WARNING),
  },
  // `contexts`: a merged file's source contexts, by id (reports/cell-context.ts).
  { interruptedBy: str, contexts: recordOf(CONTEXT) },
);
