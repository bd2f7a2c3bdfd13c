/**
 * The `ab` block of a results file, if it has one. The loader has checked the block against
 * its schema (runners/contract/ab-schema.ts), so this is the typed field itself; it stays a
 * function so the A/B section and charts ask "is this an A/B file?" the way the study
 * section asks studyOf.
 */
import type { AbStudy } from '../runners/contract/ab.js';
import type { RunResult } from '../runners/contract/results.js';

export const abOf = (result: RunResult): AbStudy | undefined => result.ab;
