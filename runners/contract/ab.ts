/**
 * The `ab` block of a results file written by `bench ab`: two sides of one workload (a suite
 * file and its old version, or this checkout and a git ref) measured in the same job, their
 * rounds interleaved in a random order within each block (ABBA, BAAB, …) so drift and other
 * load hit both alike. Every decision in it is derived from the paired rounds stored beside
 * it (reports/decide/ab/), so a reviewer can recompute it.
 *
 * The results file's top-level `cells` hold side B's (the head's) aggregated cells, so
 * `bench report`, `compare` and `history` read an A/B run as an ordinary run of the head.
 */
import type { CellKey, RoundSample } from './results.js';

export type AbSide = 'a' | 'b';

/** Pinpoint's three-way answer, plus `inconclusive` once the pairs or the time ran out. */
export type AbVerdict = 'regressed' | 'improved' | 'unchanged' | 'inconclusive';

/** The metrics judged, each as the ratio B ÷ A of a pair's two rounds. */
export type AbMetric = 'throughput' | 'p50';

export interface AbSideInfo {
  /** `base` / `head`, or the two suite files' names. */
  label: string;
  /** `--against`: the suite file; `--base`: the git ref as given and the commit it resolved to. */
  suitePath: string | null;
  ref: string | null;
  commit: string | null;
}

/** One round of one side: a fresh process, as in `bench run`. */
export interface AbRound {
  side: AbSide;
  /** The pair this round belongs to (0-based); a pair is one A and one B round, run next to each other. */
  pair: number;
  /** Position of this round among all rounds of all cells, in the order they ran. */
  position: number;
  sample: RoundSample;
}

/** What one look at the pairs so far decided for one metric. */
export interface AbDecision {
  /** Null while more pairs may still decide it. */
  verdict: AbVerdict | null;
  pairs: number;
  /** Median of the pairs' B ÷ A ratios. For p50 (lower is better) a ratio above 1 is slower. */
  medianRatio: number;
  /** The interval of the median ratio at this look's confidence; null while the pairs are too few for any at this α. */
  interval: [number, number] | null;
  /** The coverage of this look's interval taken alone; it is above 1 − α because the looks share α (the repeated-looks correction). */
  confidence: number;
  /** 1-based index of the look among the planned looks. */
  look: number;
}

export interface AbCell {
  key: CellKey;
  /** Every round of both sides, in the order they ran; the pairing is in each round's `pair`. */
  rounds: AbRound[];
  /** A side whose round errored: the cell stops, and is `regressed` if only B errors. */
  error: { side: AbSide; pair: number; message: string } | null;
  /** The last look's decision per metric. */
  decisions: Record<AbMetric, AbDecision | null>;
  /** The worst of the metrics' verdicts (regressed > inconclusive > improved > unchanged). */
  verdict: AbVerdict;
}

export interface AbCalibration {
  /** `--aa`: both sides were the same; the paired ratios' spread (as a share: 0.03 is ±3 %). */
  spread: Record<AbMetric, number | null>;
  /**
   * The smallest change the gate would call at these settings on this machine (a share);
   * null where no pair measured the metric, or the last look is too few pairs for any interval at this α.
   */
  minimumDetectableEffect: Record<AbMetric, number | null>;
}

export interface AbStudy {
  sides: Record<AbSide, AbSideInfo>;
  /** A side is judged changed only beyond ± this share (0.05 is 5 %). */
  threshold: number;
  /** The false-alarm rate the whole sequence of looks keeps to. */
  alpha: number;
  maxPairs: number;
  maxTimeMs: number | null;
  /** The pair counts at which the rule looks (e.g. [6, 10, 15, 20, 30]). */
  looks: number[];
  /** How the repeated looks are corrected, in words, as printed (e.g. "α split over 5 planned looks (Bonferroni)"). */
  correction: string;
  seed: number;
  /** True for `--aa`: both sides ran the same code. */
  aa: boolean;
  cells: AbCell[];
  calibration: AbCalibration | null;
}
