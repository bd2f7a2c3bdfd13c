/**
 * The suite probe's wire: the CLI never evaluates a suite in its own process (a suite's
 * import may exit, replace globals, write to stdout or change directory), so a child
 * process loads it, checks the contract and, for a study's estimate, times one task per
 * size. CLI → probe: a SuiteProbeSpec as argv JSON; probe → CLI: a SuiteProbeOutcome in a
 * file, checked here field by field because the suite ran in the process that wrote it.
 */
import * as v from 'valibot';
import { figure, str } from './schema-primitives.js';

export interface SuiteProbeSpec {
  /** URL of the suite module (built-in or user file). */
  suiteUrl: string;
  /** Where the probe writes its outcome, rewritten after each step so a late kill keeps the earlier ones. */
  outcomePath: string;
  /** For a study's estimate: time one task per size, ascending, until the budget is spent (two sizes at least). */
  timing?: { sizes: number[]; budgetMs: number };
}

const positiveInteger = v.pipe(v.number(), v.safeInteger('a whole number'), v.minValue(1, 'at least 1'));

/** What the CLI plans with: the suite's data, none of its functions. */
export const SUITE_FACTS = v.object({
  name: v.pipe(str, v.minLength(1, 'a non-empty string')),
  description: str,
  defaultSize: positiveInteger,
  sizes: v.array(positiveInteger),
  maxSize: v.optional(positiveInteger),
});
export type SuiteFacts = v.InferOutput<typeof SUITE_FACTS>;

export const SUITE_PROBE_OUTCOME = v.variant('ok', [
  v.object({
    ok: v.literal(true),
    facts: SUITE_FACTS,
    /** [size, ms per task] for each size timed so far. */
    taskMs: v.array(v.strictTuple([positiveInteger, figure])),
  }),
  /** The suite does not load or does not meet the contract: the user's fix, in one line. */
  v.object({ ok: v.literal(false), error: str }),
]);
export type SuiteProbeOutcome = v.InferOutput<typeof SUITE_PROBE_OUTCOME>;
