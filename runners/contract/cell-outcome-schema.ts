/**
 * The schema of the CellOutcome a cell writes (protocol.ts), checked by the CLI as it reads
 * one: the suite ran in the process that wrote it, and a suite that replaces JSON.stringify
 * or writes over the file must fail its cell, not put a lie or a crash into the run's results.
 */
import * as v from 'valibot';
import type { CellOutcome } from './protocol.js';
import { ROUND_SAMPLE } from './round-schema.js';
import { figure, str } from './schema-primitives.js';

export const CELL_OUTCOME = v.variant('ok', [
  v.object({
    ok: v.literal(true),
    sample: v.object({ ...v.omit(ROUND_SAMPLE, ['peakRssBytes', 'foreignCpuShare']).entries, selfPeakRssBytes: figure }),
  }),
  v.object({ ok: v.literal(false), error: str }),
]);

/** The outcome in `text`, or what is wrong with it (the first issue, with its path). */
export function parseCellOutcome(text: string): { outcome: CellOutcome } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  const parsed = v.safeParse(CELL_OUTCOME, json);
  if (parsed.success) return { outcome: parsed.output };
  const [issue] = parsed.issues;
  return { problem: `${v.getDotPath(issue) ?? 'the outcome'}: ${issue.message}` };
}
