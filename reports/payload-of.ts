/**
 * The payload study block of a results file, if it has one. The loader has checked the
 * block against its schema (runners/contract/payload-study-schema.ts), so this only tells a
 * payload study's block from a sweep's: both live under `study`.
 */
import type { RunResult } from '../runners/contract/results.js';
import type { PayloadStudy } from '../runners/contract/payload-study.js';

export const payloadStudyOf = (result: RunResult): PayloadStudy | undefined =>
  result.study?.kind === 'payload' ? result.study : undefined;
