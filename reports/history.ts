/**
 * `results/history.jsonl`: one line per run with its medians, commit and date — small
 * enough to keep for years (raw rounds stay in the results files), and appendable from
 * any job without rewriting the file. The trend charts (trend-chart.ts) read it.
 */
import type { RunResult } from '../runners/contract/results.js';
import { cellKeyOf } from '../runners/contract/cell-id.js';
import { contextOf } from './cell-context.js';
import { InputStalledError, InputTooLargeError, readCapped, textOf } from './read-capped.js';
import { fingerprintId, fingerprintOf, runFingerprintId } from './decide/compare/fingerprint.js';

export interface HistoryCell {
  scenario: string;
  suite: string;
  size: number;
  strategy: string;
  runtime: string;
  workers: number;
  /** How its payloads travelled, where the cell names it (absent in older lines: the strategy's default). */
  transport?: string;
  /** The fingerprint of the context the cell ran in (merged runs hold several). */
  fingerprint: string;
  /** Median over rounds. */
  tasksPerSec: number;
  /** Unloaded latency percentiles of all rounds' samples pooled, ms. */
  p50Ms: number;
  p99Ms: number;
}

export interface HistoryEntry {
  runId: string;
  /** When the run was made (the results file's createdAt). */
  date: string;
  commit: string | null;
  fingerprint: string;
  cells: HistoryCell[];
}

/** A history file that cannot be read. exitCode 2: one line naming the file and line. */
export class HistoryFileError extends Error {
  readonly exitCode = 2;
  override readonly name = 'HistoryFileError';
}

/** The completed batch cells of a run, as medians: what a trend needs, nothing more. */
export function historyEntry(run: RunResult): HistoryEntry {
  const cells = run.cells.flatMap((cell): HistoryCell[] => {
    if (cell.status !== 'completed' || cell.scenario !== 'batch') return [];
    return [
      {
        ...cellKeyOf(cell),
        fingerprint: fingerprintId(fingerprintOf(contextOf(run, cell), cell.runtime)),
        tasksPerSec: cell.throughput.tasksPerSec,
        p50Ms: cell.latency.p50Ms,
        p99Ms: cell.latency.p99Ms,
      },
    ];
  });
  return { runId: run.runId, date: run.createdAt, commit: run.context.commit, fingerprint: runFingerprintId(run), cells };
}

export const historyLine = (entry: HistoryEntry): string => `${JSON.stringify(entry)}\n`;

type FieldTypes = Record<string, 'string' | 'number' | 'string|null'>;
const ENTRY_FIELDS: FieldTypes = { runId: 'string', date: 'string', commit: 'string|null', fingerprint: 'string' };
const CELL_FIELDS: FieldTypes = {
  scenario: 'string',
  suite: 'string',
  size: 'number',
  strategy: 'string',
  runtime: 'string',
  workers: 'number',
  fingerprint: 'string',
  tasksPerSec: 'number',
  p50Ms: 'number',
  p99Ms: 'number',
};

/** Every field the trend charts read has its type, so a hand-edited line fails here, not in a chart. */
function hasFields(value: unknown, fields: FieldTypes): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(fields).every(([key, type]) =>
    type === 'string|null'
      ? record[key] === null || typeof record[key] === 'string'
      : // Sizes, worker counts, rates and latencies: finite and never below zero.
        typeof record[key] === type && (type !== 'number' || (Number.isFinite(record[key]) && (record[key] as number) >= 0)),
  );
}

function isEntry(value: unknown): value is HistoryEntry {
  return hasFields(value, ENTRY_FIELDS) && Array.isArray(value['cells']) && value['cells'].every((cell) => hasFields(cell, CELL_FIELDS));
}

/** Parses a history file's text; blank lines are fine, anything else that is not an entry is an error. */
export function parseHistory(text: string, file: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new HistoryFileError(`${file}:${index + 1}: not a JSON line; remove it, or the whole file to start the history afresh`);
    }
    if (!isEntry(value))
      throw new HistoryFileError(`${file}:${index + 1}: not a history entry written by \`bench history append\`; remove that line`);
    entries.push(value);
  });
  return entries;
}

/**
 * A history file's text, never more than the cap read (read-capped.ts). Too large or not
 * text: a HistoryFileError; a file that cannot be opened: its errno error, for the caller.
 */
export async function readHistoryText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readCapped(file);
  } catch (error: unknown) {
    // Too large, or a pipe that gives nothing: one line naming the file, as for any other unreadable history.
    if (error instanceof InputTooLargeError || error instanceof InputStalledError) {
      throw new HistoryFileError(`${file}: ${error.problem}; ${error.fix}`);
    }
    throw error;
  }
  const text = textOf(bytes);
  if (text === undefined)
    throw new HistoryFileError(`${file}: a binary file, not JSON lines; give the file \`bench history append\` writes`);
  return text;
}
