/**
 * The `study` block of a results file written by `bench study payload`: per transport and
 * payload size, what one task's round trip costs and how much of it is the transport.
 * Every figure is derived from the run's cells (reports/decide/study/payload.ts): the round trip
 * from the unloaded latency, the rest from each round's `payload` figures.
 *
 * The shapes are declared once, as the loader's schemas in payload-study-schema.ts; this
 * file re-exports the types derived from them and imports nothing at run time.
 */
import type { RunResult } from './results.js';
import type { PayloadStudy } from './payload-study-schema.js';

export type { PayloadPoint, PayloadSeries, PayloadStudy } from './payload-study-schema.js';

/** A results file with a payload study block (RunResult's `study` is either kind; this one is known to be a payload study's). */
export type PayloadRunResult = RunResult & { study?: PayloadStudy };
