/**
 * The sweep study block of a results file, if it has one. The loader has checked the block
 * against its schema (runners/contract/study-schema.ts), so this only tells a sweep's block
 * from a payload study's: both live under `study`.
 */
import type { RunResult } from '../runners/contract/results.js';
import type { Study } from '../runners/contract/study.js';

export const studyOf = (result: RunResult): Study | undefined => (result.study?.kind === 'payload' ? undefined : result.study);
