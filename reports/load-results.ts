/**
 * Reads a results file and checks it against the results schema (v2; a v1 file is first
 * brought up to date by migrateV1) before any report touches it, so a bad file fails
 * with one line naming the file, never with a stack trace from deep inside a chart builder.
 * The `study` and `ab` blocks are part of the schema: a malformed one fails the file with
 * its field's path like any other field, and reports read the blocks typed, unchecked.
 * Hostile files too: one too large is refused before it is read (read-capped.ts), one
 * nested too deep before it is parsed (json-depth.ts), and a binary one, an empty one, one
 * with a "__proto__" key, a line break in a name, impossible figures or figures its own
 * samples contradict (aggregates-agree.ts) each get their line.
 */
import * as v from 'valibot';
import { SCHEMA_VERSION, type RunResult } from '../runners/contract/results.js';
import { RUN_RESULT } from '../runners/contract/results-schema.js';
import { ContextReferenceError, contextOf, noopContextOf } from './cell-context.js';
import { errorMessage } from '../runners/common/error-message.js';
import { migrateV1 } from './migrate-v1.js';
import { describe, problemsOf } from './results-problems.js';
import { InputStalledError, InputTooLargeError, readCapped, textOf } from './read-capped.js';
import { MAX_JSON_DEPTH, nestingPastAt } from './json-depth.js';
import { aggregatesProblem } from './aggregates-agree.js';

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
  const text = await readText(file);
  if (text.trim() === '') throw new ResultsFileError(file, text === '' ? 'is empty' : 'holds only white space', WRITTEN_BY_RUN);
  const tooDeep = nestingPastAt(text);
  if (tooDeep !== undefined) {
    throw new ResultsFileError(
      file,
      `nests deeper than ${MAX_JSON_DEPTH} levels (at character ${tooDeep.toLocaleString('en-US')}), deeper than any file bench writes`,
      WRITTEN_BY_RUN,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    throw new ResultsFileError(file, `is not valid JSON (${errorMessage(error)})`, WRITTEN_BY_RUN);
  }
  return validateResults(value, file);
}

/** The file as text, never more than the cap read (read-capped.ts); the bytes are let go before parsing. */
async function readText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readCapped(file);
  } catch (error: unknown) {
    if (error instanceof InputTooLargeError || error instanceof InputStalledError)
      throw new ResultsFileError(file, error.problem, error.fix);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ResultsFileError(file, 'file not found', 'check the path, or ' + WRITTEN_BY_RUN);
    if (code === 'EISDIR') throw new ResultsFileError(file, 'is a directory, not a results file', WRITTEN_BY_RUN);
    throw new ResultsFileError(file, `cannot be read (${code ?? String(error)})`, 'check its permissions');
  }
  const text = textOf(bytes);
  if (text === undefined) throw new ResultsFileError(file, 'is a binary file, not JSON text', WRITTEN_BY_RUN);
  return text;
}

/**
 * Checks an already-parsed value; `file` only names it in the error. Returns the file's own
 * object (migrated if v1): keys the schema does not know, such as a newer harness's, are kept.
 */
export function validateResults(value: unknown, file: string): RunResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ResultsFileError(file, `is JSON but not a results object (found ${describe(value)})`, WRITTEN_BY_RUN);
  }
  const protoAt = protoKeyPath(value);
  if (protoAt !== undefined) {
    throw new ResultsFileError(file, `holds a "__proto__" key at ${protoAt}, which no bench writes`, 're-run `bench run` to regenerate it');
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
    throw new ResultsFileError(file, `does not match the results schema: ${shown}${more}`, `re-run \`${writerOf(run)}\` to regenerate it`);
  }
  try {
    for (const cell of run.cells) contextOf(run, cell);
    for (const noop of run.noop ?? []) noopContextOf(run, noop);
  } catch (error: unknown) {
    if (error instanceof ContextReferenceError) throw new ResultsFileError(file, error.message, 're-create it with `bench merge`');
    throw error;
  }
  const broken = lineBreakIn(run);
  if (broken !== undefined) {
    throw new ResultsFileError(
      file,
      `holds a line break in ${broken}, which no bench writes (it would forge lines in a terminal)`,
      `re-run \`${writerOf(run)}\` to regenerate it`,
    );
  }
  const contradicted = aggregatesProblem(run);
  if (contradicted !== undefined) {
    throw new ResultsFileError(
      file,
      `has a figure its own samples contradict: ${contradicted}`,
      `re-run \`${writerOf(run)}\` to regenerate it`,
    );
  }
  return run;
}

/**
 * The first name (of a suite, strategy or runtime) holding a line break, as a path. A report
 * shows names inside its lines, and the one character terminalSafe keeps is the newline.
 */
function lineBreakIn(run: RunResult): string | undefined {
  const named: Array<[string, string]> = [
    ...run.config.suites.map((name, i): [string, string] => [`config.suites[${i}]`, name]),
    ...Object.keys(run.config.sizes).map((name): [string, string] => [`the keys of config.sizes`, name]),
    ...run.config.strategies.map((name, i): [string, string] => [`config.strategies[${i}]`, name]),
    ...run.config.runtimes.map((name, i): [string, string] => [`config.runtimes[${i}]`, name]),
    ...run.cells.flatMap(
      (cell, i): Array<[string, string]> => [
        [`cells[${i}].suite`, cell.suite],
        [`cells[${i}].strategy`, cell.strategy],
        [`cells[${i}].runtime`, cell.runtime],
        ...(cell.transport === undefined ? [] : [[`cells[${i}].transport`, cell.transport] as [string, string]]),
      ],
    ),
  ];
  return named.find(([, name]) => /[\n\r]/.test(name))?.[0];
}

/** The command that writes a file of this kind: a bad study or ab block is remade by its own command. */
function writerOf(run: Record<string, unknown>): string {
  if ('study' in run) return 'bench study';
  return 'ab' in run ? 'bench ab' : 'bench run';
}

/**
 * Where the value holds a "__proto__" key, if anywhere. JSON.parse makes it an own key, but
 * the schema's records skip it unchecked, and code that copies keys into a fresh object
 * would set that object's prototype: such a file is refused whole. Walked without
 * recursion: a file nested a million deep must not overflow the stack.
 */
function protoKeyPath(root: object): string | undefined {
  const pending: Array<[object, string]> = [[root, '']];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        if (typeof item === 'object' && item !== null) pending.push([item, `${path}[${index}]`]);
      });
      continue;
    }
    if (Object.hasOwn(value, '__proto__')) return path === '' ? 'the top level' : path;
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'object' && item !== null) pending.push([item, path === '' ? key : `${path}.${key}`]);
    }
  }
  return undefined;
}
