/**
 * `bench ab` runs for tests: the A/B fixture (test/fixtures/ab/: the old and the new version
 * of one suite, only the new one reading BENCH_AB_SLOWDOWN), two strategies, short phases
 * and few pairs, so a run takes seconds. 8 pairs is the first planned look, where the sign
 * interval first has finite bounds at α = 0.05.
 */
import { fixture } from './cli.js';

export const AB_BASE = fixture('ab/base/knob.js');
export const AB_HEAD = fixture('ab/head/knob.js');
export const AB_OTHER_SIZES = fixture('ab/other-sizes/knob.js');

export interface AbTestRun {
  /** More flags, none of those set here. */
  extra?: string[];
  strategies?: string;
  maxRounds?: number;
}

/** `bench ab --against` the old fixture with the new one as --suite, with small settings. */
export const abArgs = (out: string, { extra = [], strategies = 'main-thread,worker-pool', maxRounds = 8 }: AbTestRun = {}): string[] => [
  'ab',
  '--against',
  AB_BASE,
  '--suite',
  AB_HEAD,
  '--strategies',
  strategies,
  '--phase-time',
  '80',
  '--max-rounds',
  String(maxRounds),
  '--no-report',
  '--out',
  out,
  ...extra,
];
