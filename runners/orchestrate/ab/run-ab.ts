/**
 * The loop of `bench ab`: per cell, pairs of rounds — one of each side, each a fresh process,
 * next to each other, in the seeded ABBA/BAAB order of schedule.ts — with cells taking turns
 * a block (two pairs) at a time, so drift and other load spread over every cell and side.
 * At each planned look the stop rule (reports/decide/ab/decide.ts) decides the cell or asks for more pairs; a cell stops when
 * decided, at --max-rounds pairs, when --max-time is spent (then judged as final), or when a
 * side's round errors. The results file is rewritten after every round (run-journal.ts), so
 * Ctrl-C keeps every pair measured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AbCalibration, AbCell, AbDecision, AbMetric, AbRound, AbSide, AbStudy, AbVerdict } from '../../contract/ab.js';
import type { BatchCellKey, RunConfig, RunResult } from '../../contract/results.js';
import { aggregateCell, type RoundRecord } from '../aggregate.js';
import { collectContext } from '../context.js';
import { planRun, type PlannedSuite, type ProbedTarget, type RuntimeTarget } from '../plan.js';
import { RunJournal, runSteps } from '../run-journal.js';
import { scratchPrefix } from '../run-leftovers.js';
import type { RoundOutcome } from '../spawn-cell.js';
import { findWarnings } from '../warnings.js';
import { runAbRound } from './ab-round.js';
import type { AbProgress } from './ab-progress.js';
import { AbEta } from './ab-eta.js';
import { calibrate, decideCell, isLook, type AbRules } from '../../../reports/decide/ab/decide.js';
import { pairOrder } from './schedule.js';
import type { AbSides } from './sides.js';

/** The gate's settings, as the ab block records them. */
export type AbSettings = Pick<AbStudy, 'threshold' | 'alpha' | 'maxPairs' | 'maxTimeMs' | 'looks' | 'correction' | 'seed' | 'aa'>;

export interface AbRequest {
  /** The head's suites: names and sizes both sides share. */
  suites: PlannedSuite[];
  config: RunConfig;
  runtimes: RuntimeTarget[];
  sides: AbSides;
  settings: AbSettings;
  commandLine: string[];
  resultsPath: (runId: string) => string;
}

export type AbRunResult = RunResult & { ab: AbStudy };

/** Why a cell stopped sampling: shown in the progress lines. */
export type StopReason = 'decided' | 'max-rounds' | 'max-time' | 'errored';

export interface CellState {
  index: number;
  key: BatchCellKey;
  target: ProbedTarget;
  rounds: AbRound[];
  /** The head's rounds as `bench run` records them: the results file's top-level cells. */
  headRecords: RoundRecord[];
  error: AbCell['error'];
  decisions: Record<AbMetric, AbDecision | null>;
  verdict: AbVerdict | null;
  pairs: number;
}

const NO_DECISIONS: Record<AbMetric, AbDecision | null> = { throughput: null, p50: null };

/** Adds the ab block to every snapshot, so each save after a round holds the pairs measured so far. */
class AbJournal extends RunJournal {
  constructor(
    resultsPath: (runId: string) => string,
    source: ConstructorParameters<typeof RunJournal>[1],
    private readonly abBlock: () => AbStudy,
  ) {
    super(resultsPath, source);
  }

  override snapshot(complete: boolean, interruptedBy?: string): AbRunResult {
    return { ...super.snapshot(complete, interruptedBy), ab: this.abBlock() };
  }
}

export async function executeAb(
  request: AbRequest,
  progress: AbProgress,
  signal: AbortSignal,
): Promise<{ result: AbRunResult; path: string }> {
  // What both sides' cells get (launch-cell.ts) is what the results file records: the one config.
  const { config, settings, sides } = request;
  // The stop rule's own settings: the same numbers the ab block records.
  const rules: AbRules = { threshold: settings.threshold, alpha: settings.alpha, looks: settings.looks };
  const context = collectContext(
    request.commandLine,
    request.runtimes.flatMap((t) => ('probe' in t ? [t.probe] : [])),
    config.strategies,
  );
  // `bench run`'s plan of one round gives the cells in its order; the pairs are planned here.
  const plan = planRun({ ...request, config }, 1);
  const keys = plan.cells.map((cell) => cell.key);
  const skipped = new Map(plan.cells.map((cell) => [cell.key, cell.skip]));
  const states: CellState[] = keys
    .filter((key) => skipped.get(key) === undefined)
    .map((key, index) => ({
      index,
      key,
      target: plan.targetOf(key),
      rounds: [],
      headRecords: [],
      error: null,
      decisions: NO_DECISIONS,
      verdict: null,
      pairs: 0,
    }));
  const stateOf = new Map(states.map((state) => [state.key, state]));
  let calibration: AbCalibration | null = null;

  const abCell = (state: CellState): AbCell => ({
    key: state.key,
    rounds: state.rounds,
    error: state.error,
    decisions: state.decisions,
    // A cell stopped before any decision (Ctrl-C) has none to give.
    verdict: state.verdict ?? 'inconclusive',
  });
  const journal = new AbJournal(
    request.resultsPath,
    {
      context,
      config,
      current: () => {
        const cells = keys.map((key) => aggregateCell(key, stateOf.get(key)?.headRecords ?? [], skipped.get(key)));
        return { cells, warnings: findWarnings(cells, context, config) };
      },
    },
    () => ({
      sides: sides.info,
      threshold: settings.threshold,
      alpha: settings.alpha,
      maxPairs: settings.maxPairs,
      maxTimeMs: settings.maxTimeMs,
      looks: settings.looks,
      correction: settings.correction,
      seed: settings.seed,
      aa: settings.aa,
      cells: states.map(abCell),
      calibration,
    }),
  );

  const conclude = (state: CellState, reason: StopReason): void => {
    const { decisions, verdict } = decideCell(state.rounds, rules, true);
    state.decisions = decisions;
    state.verdict = verdict ?? 'inconclusive';
    progress.concluded(state, reason);
  };

  progress.planned(states.length, settings);
  const deadline = settings.maxTimeMs === null ? Number.POSITIVE_INFINITY : performance.now() + settings.maxTimeMs;
  const eta = new AbEta(settings.looks, settings.maxPairs, deadline);
  let position = 0;
  // Named with this process's PID: a later run removes it if a kill left it (run-leftovers.ts).
  const scratch = mkdtempSync(scratchPrefix('ab-cells'));
  /** One pair: its two rounds in schedule order; false when a signal cut it short. */
  const runPair = async (state: CellState): Promise<boolean> => {
    const pair = state.pairs;
    const outcomes: Partial<Record<AbSide, RoundOutcome>> = {};
    const startedAt = performance.now();
    await runSteps(pairOrder(settings.seed, state.index, pair), signal, journal, async (side) => {
      const at = position++;
      const outcome = await runAbRound(
        {
          key: state.key,
          side: sides.code[side],
          target: state.target,
          config,
          round: pair + 1,
          scratch,
          position: at,
        },
        signal,
      );
      outcomes[side] = outcome;
      if (side === 'b') state.headRecords.push({ round: pair + 1, outcome });
      if (outcome.ok) state.rounds.push({ side, pair, position: at, sample: outcome.sample });
    });
    const { a, b } = outcomes;
    if (a === undefined || b === undefined) return false;
    const pairMs = performance.now() - startedAt;
    eta.paired(state.index, pairMs);
    // This pair counted, its look not yet taken: the range the next look can only narrow.
    const left = states.map((s) => ({ index: s.index, pairs: s === state ? pair + 1 : s.pairs, open: s.verdict === null }));
    progress.paired(state, pair, a, b, pairMs, eta.estimate(left));
    if (!a.ok || !b.ok) {
      // A failing side stops the cell: the head failing where the base ran is a regression
      // (a strategy that broke fails the gate like one that slowed down, as in `compare`);
      // the base failing, or both, leaves nothing to compare.
      const failed = !b.ok ? b : a;
      state.error = { side: !b.ok ? 'b' : 'a', pair, message: failed.ok ? '' : failed.error };
      state.decisions = decideCell(state.rounds, rules, true).decisions;
      state.verdict = !b.ok && a.ok ? 'regressed' : 'inconclusive';
      progress.concluded(state, 'errored');
      return true;
    }
    state.pairs += 1;
    if (state.pairs >= settings.maxPairs) conclude(state, 'max-rounds');
    else if (isLook(state.pairs, rules)) {
      const { decisions, verdict } = decideCell(state.rounds, rules, false);
      state.decisions = decisions;
      state.verdict = verdict;
      progress.looked(state);
      if (verdict !== null) progress.concluded(state, 'decided');
    }
    return true;
  };

  let timeUp = false;
  try {
    run: while (!signal.aborted) {
      const open = states.filter((state) => state.verdict === null);
      if (open.length === 0) break;
      // A block (two pairs: ABBA or BAAB) per cell in turn.
      for (const state of open) {
        for (let half = 0; half < 2 && state.verdict === null; half++) {
          if (performance.now() >= deadline) {
            timeUp = true;
            break run;
          }
          if (!(await runPair(state))) break run;
          journal.save();
        }
      }
    }
    if (timeUp && !signal.aborted) for (const state of states.filter((s) => s.verdict === null)) conclude(state, 'max-time');
    if (settings.aa && !signal.aborted) calibration = calibrate(states.map(abCell), rules);
  } finally {
    progress.done();
    rmSync(scratch, { recursive: true, force: true });
  }
  return journal.finish(signal) as { result: AbRunResult; path: string };
}
