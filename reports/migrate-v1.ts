/**
 * Schema v1 → v2: the one place a v1 results file is brought up to date. v2 made explicit
 * the fields v1 files written before they existed may lack; this fills each with what v1
 * readers assumed when it was absent, and changes nothing else (extra keys included).
 *
 * It runs before validation, on the parsed JSON as found: where the file is broken it
 * leaves the part alone, and validation names the bad field.
 */
import { isRecord } from './is-record.js';

/** Fields a v1 file may lack, and the value a v1 reader took for "absent". */
const CONFIG_DEFAULTS = { scenario: 'batch', workerNice: 0 } as const;

export function migrateV1(file: Record<string, unknown>): Record<string, unknown> {
  const { context, contexts, config, cells } = file;
  return {
    ...file,
    schemaVersion: 2,
    ...(isRecord(context) ? { context: migrateContext(context) } : {}),
    ...(isRecord(contexts) ? { contexts: mapValues(contexts, (each) => (isRecord(each) ? migrateContext(each) : each)) } : {}),
    ...(isRecord(config) ? { config: migrateConfig(config, isRecord(context) ? context : {}) } : {}),
    ...(Array.isArray(cells) ? { cells: cells.map((cell) => (isRecord(cell) ? migrateCell(cell) : cell)) } : {}),
  };
}

function mapValues(record: Record<string, unknown>, map: (value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

/** Fills `key` with `fallback` where it is absent; a present value, however wrong, is validation's to judge. */
function withDefault(record: Record<string, unknown>, key: string, fallback: unknown): Record<string, unknown> {
  return record[key] === undefined ? { ...record, [key]: fallback } : record;
}

// Files from before runtimes recorded no probes.
const migrateContext = (context: Record<string, unknown>) => withDefault(context, 'runtimes', {});

function migrateConfig(config: Record<string, unknown>, context: Record<string, unknown>): Record<string, unknown> {
  let migrated = config;
  for (const [key, fallback] of Object.entries(CONFIG_DEFAULTS)) migrated = withDefault(migrated, key, fallback);
  // Without `runtimes`, every cell ran on the CLI's runtime.
  const runtime = context['runtime'];
  const name = isRecord(runtime) ? runtime['name'] : undefined;
  return typeof name === 'string' ? withDefault(migrated, 'runtimes', [name]) : migrated;
}

// Measurements a v1 file did not record are null ("not recorded"), never a guess.
function migrateCell(cell: Record<string, unknown>): Record<string, unknown> {
  const { rounds } = cell;
  const migrated = Array.isArray(rounds)
    ? { ...cell, rounds: rounds.map((round) => (isRecord(round) ? migrateRound(round) : round)) }
    : cell;
  const httpCompleted = cell['scenario'] === 'http' && cell['status'] === 'completed';
  return httpCompleted ? withDefault(migrated, 'foreignCpuShare', null) : migrated;
}

function migrateRound(round: Record<string, unknown>): Record<string, unknown> {
  let migrated = round;
  for (const key of ['latencyMeanMs', 'latencyCount', 'foreignCpuShare']) migrated = withDefault(migrated, key, null);
  return migrated;
}
