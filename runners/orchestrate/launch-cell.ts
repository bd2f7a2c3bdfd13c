/**
 * The one way a cell round starts: its CellSpec built from the run's config and the planned
 * round, its command line from the runtime (runtimes/launch.ts), its process supervised by
 * spawn-cell.ts. `bench run`, `bench study` and both sides of `bench ab` all come through
 * here, so a setting the run records (phases, transport, heap, depth…) reaches every cell.
 */
import { dirname } from 'node:path';
import { EVENT_LOOP_RESOLUTION_MS, type CellSpec } from '../contract/protocol.js';
import type { RunConfig } from '../contract/results.js';
import { peerPackageOf, strategyFacts } from '../contract/strategies.js';
import { launchCommand, suiteReadDirs, type Launch } from '../runtimes/launch.js';
import type { PlannedRound, ProbedTarget } from './plan.js';
import { CELL_ENTRY_PATH, runCellProcess, type RoundOutcome } from './spawn-cell.js';

/**
 * Test hook, not a user setting: a file to start instead of the real cell entry, for every
 * cell and both sides of `bench ab` (test/fixtures/fake-cell-entry.ts: it answers at once
 * with synthetic samples, for tests of the CLI's shape that time nothing).
 */
export const CELL_ENTRY_VARIABLE = 'BENCH_CELL_ENTRY';

/** The cell code a round runs: the checkout's own, or an A/B side's (a `--base` worktree's). */
export interface CellCode {
  /** The compiled cell entry to start. */
  cellEntry: string;
  /** Folders it reads besides the project and the suite's own (Deno must be allowed to). */
  readDirs: readonly string[];
}

export interface CellRound {
  /** The run's resolved settings: every setting of the cell comes from here. */
  config: RunConfig;
  /** A payload study: the cell measures its round's `payload` figures too. */
  payloadFigures?: boolean | undefined;
  /** The cell, its round number and its suite module (an A/B side's own). */
  planned: PlannedRound;
  target: ProbedTarget;
  /** Where the cell writes its outcome; the cell may write only into its folder. */
  outcomePath: string;
  /** Absent: this checkout's cell entry. */
  code?: CellCode | undefined;
}

/** What the cell receives: the planned round and the config's settings, nothing else. */
export function cellSpecFor(round: Omit<CellRound, 'code'>): CellSpec {
  const { config, planned, target } = round;
  const { key } = planned;
  return {
    suiteUrl: planned.suiteUrl,
    suite: key.suite,
    size: key.size,
    strategy: key.strategy,
    workers: key.workers,
    workerNice: config.workerNice ?? 0,
    thread: {
      api: target.probe.threadApi,
      smol: key.runtime === 'bun-smol',
      ...(config.maxHeapMb === undefined ? {} : { heapMb: config.maxHeapMb }),
    },
    eventLoopMethod: target.probe.capabilities.eventLoopHistogram ? 'histogram' : 'timer-drift',
    eventLoopFloorMs: target.probe.eventLoopFloorMs ?? EVENT_LOOP_RESOLUTION_MS,
    round: planned.round,
    seed: config.seed,
    phaseMs: config.phaseMs,
    ...(config.inFlightPerWorker === undefined ? {} : { inFlightPerWorker: config.inFlightPerWorker }),
    ...(key.transport === undefined ? {} : { transport: key.transport }),
    ...(round.payloadFigures ? { payloadFigures: true } : {}),
    ...(config.phases ? { phases: true } : {}),
    outcomePath: round.outcomePath,
  };
}

/** The command line that starts `spec`'s cell under the round's runtime, with what the cell needs allowed. */
export function cellLaunchFor(round: CellRound, spec: CellSpec): Launch {
  const entry = process.env[CELL_ENTRY_VARIABLE] || (round.code?.cellEntry ?? CELL_ENTRY_PATH);
  const { strategy } = spec;
  return launchCommand(round.target.install, entry, [JSON.stringify(spec)], {
    readDirs: [...suiteReadDirs(spec.suiteUrl), ...(round.code?.readDirs ?? [])],
    writeDir: dirname(spec.outcomePath),
    forks: strategyFacts(strategy)?.kind === 'process',
    setsPriority: spec.workerNice > 0,
    readsCpus: peerPackageOf(strategy) !== undefined,
    readsProc: true,
    ...(spec.thread.heapMb === undefined ? {} : { heapMb: spec.thread.heapMb }),
  });
}

/** Starts one cell round in a fresh process and waits for its outcome (an error is an outcome, not a throw). */
export function launchCell(round: CellRound, signal: AbortSignal): Promise<RoundOutcome> {
  const spec = cellSpecFor(round);
  return runCellProcess(spec, cellLaunchFor(round, spec), round.config.cellTimeoutMs, signal);
}
