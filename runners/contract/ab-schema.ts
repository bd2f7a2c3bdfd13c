/**
 * The schema of the `ab` block `bench ab` writes (types in ab.ts, derived from these): the
 * loader checks it field by field, down to each round's raw sample, so reports and the
 * decision replay read it typed with no checks of their own.
 */
import * as v from 'valibot';
import { bool, count, figure, num, share, str } from './schema-primitives.js';
import { CELL_KEY, ROUND_SAMPLE } from './round-schema.js';

export const AB_SIDE = v.picklist(['a', 'b']);

/** Pinpoint's three-way answer, plus `inconclusive` once the pairs or the time ran out. */
export const AB_VERDICT = v.picklist(['regressed', 'improved', 'unchanged', 'inconclusive']);

/** One value per metric judged, each metric a ratio B ÷ A of a pair's two rounds (AbMetric in ab.ts). */
const perMetric = <T extends v.GenericSchema>(value: T) => v.object({ throughput: value, p50: value });

export const AB_SIDE_INFO = v.object({
  /** `base` / `head`, or the two suite files' names. */
  label: str,
  /** `--against`: the suite file; `--base`: the git ref as given and the commit it resolved to. */
  suitePath: v.nullable(str),
  ref: v.nullable(str),
  commit: v.nullable(str),
});

/** One round of one side: a fresh process, as in `bench run`. */
export const AB_ROUND = v.object({
  side: AB_SIDE,
  /** The pair this round belongs to (0-based); a pair is one A and one B round, run next to each other. */
  pair: count,
  /** Position of this round among all rounds of all cells, in the order they ran. */
  position: count,
  sample: ROUND_SAMPLE,
});

/** What one look at the pairs so far decided for one metric. */
export const AB_DECISION = v.object({
  /** Null while more pairs may still decide it. */
  verdict: v.nullable(AB_VERDICT),
  pairs: count,
  /** Median of the pairs' B ÷ A ratios. For p50 (lower is better) a ratio above 1 is slower. */
  medianRatio: figure,
  /** The interval of the median ratio at this look's confidence; null while the pairs are too few for any at this α. */
  interval: v.nullable(v.strictTuple([figure, figure], 'a [low, high] pair')),
  /** The coverage of this look's interval taken alone; it is above 1 − α because the looks share α (the repeated-looks correction). */
  confidence: share,
  /** 1-based index of the look among the planned looks. */
  look: count,
});

export const AB_DECISIONS = perMetric(v.nullable(AB_DECISION));

export const AB_CELL = v.object({
  key: CELL_KEY,
  /** Every round of both sides, in the order they ran; the pairing is in each round's `pair`. */
  rounds: v.array(AB_ROUND),
  /** A side whose round errored: the cell stops, and is `regressed` if only B errors. */
  error: v.nullable(v.object({ side: AB_SIDE, pair: count, message: str })),
  /** The last look's decision per metric. */
  decisions: AB_DECISIONS,
  /** The worst of the metrics' verdicts (regressed > inconclusive > improved > unchanged). */
  verdict: AB_VERDICT,
});

export const AB_CALIBRATION = v.object({
  /** `--aa`: both sides were the same; the paired ratios' spread (as a share: 0.03 is ±3 %). */
  spread: perMetric(v.nullable(figure)),
  /**
   * The smallest change the gate would call at these settings on this machine (a share);
   * null where no pair measured the metric, or the last look is too few pairs for any interval at this α.
   */
  minimumDetectableEffect: perMetric(v.nullable(num)),
});

export const AB_STUDY = v.object({
  sides: v.object({ a: AB_SIDE_INFO, b: AB_SIDE_INFO }),
  /** A side is judged changed only beyond ± this share (0.05 is 5 %). */
  threshold: figure,
  /** The false-alarm rate the whole sequence of looks keeps to. */
  alpha: share,
  maxPairs: count,
  maxTimeMs: v.nullable(figure),
  /** The pair counts at which the rule looks (e.g. [6, 10, 15, 20, 30]). */
  looks: v.array(count),
  /** How the repeated looks are corrected, in words, as printed (e.g. "α split over 5 planned looks (Bonferroni)"). */
  correction: str,
  seed: num,
  /** True for `--aa`: both sides ran the same code. */
  aa: bool,
  cells: v.array(AB_CELL),
  calibration: v.nullable(AB_CALIBRATION),
});

export type AbSide = v.InferOutput<typeof AB_SIDE>;
export type AbVerdict = v.InferOutput<typeof AB_VERDICT>;
/** The metrics judged: the keys of every per-metric record. */
export type AbMetric = keyof v.InferOutput<typeof AB_DECISIONS>;
export type AbSideInfo = v.InferOutput<typeof AB_SIDE_INFO>;
export type AbRound = v.InferOutput<typeof AB_ROUND>;
export type AbDecision = v.InferOutput<typeof AB_DECISION>;
export type AbCell = v.InferOutput<typeof AB_CELL>;
export type AbCalibration = v.InferOutput<typeof AB_CALIBRATION>;
export type AbStudy = v.InferOutput<typeof AB_STUDY>;
