/**
 * Reads a results file and checks it against the results schema (v2; a v1 file is first
 * brought up to date by migrateV1) before any report touches it, so a bad file fails
 * with one line naming the file, never with a stack trace from deep inside a chart builder.
 */
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { SCHEMA_VERSION, type RunResult } from '../runners/contract/results.js';
import { RUN_RESULT } from '../runners/contract/results-schema.js';
import { ContextReferenceError, contextOf } from './cell-context.js';
import { errorMessage } from '../runners/common/error-message.js';
import { migrateV1 } from './migrate-v1.js';
import { describe, problemsOf } from './results-problems.js';

/** A results file that cannot be used. `exitCode` 2 makes the CLI treat it as a usage error. */
export class ResultsFileError extends Error {
  readonly exitCode = 2;
  override readonly name = 'ResultsFileError';

  constructor(
    readonly file: string,
    problem: string,
    fix: string,
  ) {
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
    throw new ResultsFileError(file, `is not valid JSON (${errorMessage(error)})`, WRITTEN_BY_RUN);
  }
  return validateResults(value, file);
}

/**
 * Checks an already-parsed value; `file` only names it in the error. Returns the file's own
 * object (migrated if v1): keys the schema does not know, such as a newer harness's, are kept.
 */
export function validateResults(value: unknown, file: string): RunResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ResultsFileError(file, `is JSON but not a results object (found ${describe(value)})`, WRITTEN_BY_RUN);
  }
  const found: Record<string, unknown> = { ...value };
  const version = found['schemaVersion'];
  if (version !== SCHEMA_VERSION && version !== 1) {
    const problem =
      'schemaVersion' in found
        ? `has schemaVersion ${JSON.stringify(version)}, this bench reads schemaVersion ${SCHEMA_VERSION} (and 1, which it migrates)`
        : 'has no schemaVersion, so it is not a bench results file';
    throw new ResultsFileError(file, problem, 'render it with the bench version that wrote it, or re-run `bench run`');
  }
  const run = version === 1 ? migrateV1(found) : found;
  // The quick check first: issues (with their paths) are only worth collecting for a bad file.
  if (!v.is(RUN_RESULT, run)) {
    const problems = problemsOf(v.safeParse(RUN_RESULT, run).issues ?? [], RUN_RESULT);
    const shown = problems.slice(0, 3).join(', ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    throw new ResultsFileError(file, `does not match the results schema: ${shown}${more}`, 're-run `bench run` to regenerate it');
  }
  try {
    for (const cell of run.cells) contextOf(run, cell);
  } catch (error: unknown) {
    if (error instanceof ContextReferenceError) throw new ResultsFileError(file, error.message, 're-create it with `bench merge`');
    throw error;
  }
  return run;
}
