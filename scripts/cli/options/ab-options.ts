/**
 * `bench ab` options → a validated plan: the run's own options through resolveRunOptions
 * (the same checks as `bench run`), plus the sides, the gate's threshold and α, and the stop
 * rule (--max-rounds pairs, --max-time). Every check names the flag and the fix (exit 2).
 */
import { correctionText, plannedLooks, type AbRules } from '../../../reports/decide/ab/decide.js';
import { plannedBounds } from '../../../reports/decide/ab/look-bounds.js';
import type { SideSpec } from '../../../runners/orchestrate/ab/open-sides.js';
import type { AbSettings } from '../../../runners/orchestrate/ab/run-ab.js';
import type { PlannedSuite } from '../../../runners/orchestrate/plan.js';
import { writableFile } from '../output-paths.js';
import { DEFAULT_SUITE, resolveRunOptions, type RawRunOptions } from './run-options.js';
import { integerIn, parseDuration, parseThreshold, rateBelowHalf } from '../parse/values.js';
import { FLAGS } from '../flags.js';
import { UsageError } from '../usage-error.js';

export interface RawAbOptions extends Omit<RawRunOptions, 'rounds'> {
  against?: string;
  base?: string;
  /** --build CMD; '' or --no-build (false): none; absent: the project's own default (base-code.ts). */
  build?: string | false;
  aa: boolean;
  /** Absent: AB_DEFAULTS.threshold. */
  threshold?: string;
  alpha: number;
  maxRounds: number;
  maxTime?: string;
  markdown?: string;
}

/** bench ab's own defaults (the others are the flags' own, flags.ts). */
export const AB_DEFAULTS = { threshold: '5%' } as const;

export interface AbPlan {
  suites: PlannedSuite[];
  config: Awaited<ReturnType<typeof resolveRunOptions>>['config'];
  sides: SideSpec;
  settings: AbSettings;
  rules: AbRules;
  markdown: string | undefined;
}

function sideSpec(raw: RawAbOptions): SideSpec {
  const given = [raw.against !== undefined && '--against', raw.base !== undefined && '--base', raw.aa && '--aa'].filter(Boolean);
  if (given.length === 0) {
    throw new UsageError(
      'bench ab needs side A: --against FILE (the old version of the suite), --base REF (a git commit of this checkout) or --aa (the head against itself)',
    );
  }
  if (given.length > 1) throw new UsageError(`${given.join(' and ')} each choose side A: give only one`);
  if (raw.against !== undefined) {
    if (raw.against === '') throw new UsageError('--against needs a suite file, e.g. --against ./bench-old/primes.mjs');
    return { kind: 'against', path: raw.against, suite: raw.suite ?? DEFAULT_SUITE, sizeGiven: raw.size !== undefined };
  }
  if (raw.base !== undefined) {
    if (raw.base.trim() === '') throw new UsageError('--base needs a git ref, e.g. --base origin/main');
    if (raw.build === undefined) return { kind: 'base', ref: raw.base.trim() };
    return { kind: 'base', ref: raw.base.trim(), build: raw.build === false || raw.build.trim() === '' ? null : raw.build.trim() };
  }
  if (raw.build !== undefined) throw new UsageError('--build says how to build the --base worktree: give it with --base REF, or drop it');
  return { kind: 'aa' };
}

export async function resolveAbOptions(raw: RawAbOptions): Promise<AbPlan> {
  const sides = sideSpec(raw);
  const threshold = parseThreshold(raw.threshold ?? AB_DEFAULTS.threshold);
  rateBelowHalf('alpha', raw.alpha, 'a false-alarm rate');
  integerIn('max-rounds', raw.maxRounds, 1, 1000, 'a whole number of pairs');
  const maxTimeMs = raw.maxTime === undefined ? null : parseDuration('max-time', raw.maxTime);
  if (maxTimeMs !== null && !(maxTimeMs >= 1000 && maxTimeMs <= 7 * 86_400_000)) {
    throw new UsageError(`--max-time must be from 1s to 7 days, got "${raw.maxTime}"`);
  }
  const rules: AbRules = { threshold, alpha: raw.alpha, looks: plannedLooks(raw.maxRounds) };
  // Fewer pairs than the sign test needs at this α: every cell would end inconclusive.
  if ((plannedBounds(rules).at(-1) ?? 0) <= 0) {
    throw new UsageError(
      `--max-rounds ${raw.maxRounds} is too few pairs for any verdict at --alpha ${raw.alpha}: give at least 8 (the default is ${FLAGS['max-rounds'].default})`,
    );
  }
  if (raw.markdown === '') throw new UsageError('--markdown needs a file path, e.g. --markdown summary.md');
  const markdown = raw.markdown === undefined ? undefined : writableFile('--markdown', raw.markdown);

  const { suites, config } = await resolveRunOptions({ ...raw, rounds: undefined });
  return {
    suites,
    // `rounds`: the most rounds a side may run in a cell (one per pair).
    config: { ...config, rounds: raw.maxRounds },
    sides,
    rules,
    markdown,
    settings: {
      threshold,
      alpha: raw.alpha,
      maxPairs: raw.maxRounds,
      maxTimeMs,
      looks: rules.looks,
      correction: correctionText(rules),
      seed: raw.seed,
      aa: sides.kind === 'aa',
    },
  };
}
