/**
 * One round of one side of an A/B cell: a fresh process, started exactly as `bench run`
 * starts a cell (run.ts), except that each side names its own cell entry and suite module:
 * the base of `--base REF` runs its own compiled harness from its worktree. Both sides run
 * on the same runtime binary, the head's.
 */
import { join } from 'node:path';
import { EVENT_LOOP_RESOLUTION_MS, type CellSpec } from '../../contract/protocol.js';
import type { BatchCellKey, RunConfig } from '../../contract/results.js';
import type { RuntimeProbe } from '../../contract/capabilities.js';
import { peerPackageOf, strategyFacts } from '../../contract/strategies.js';
import { launchCommand, suiteReadDirs } from '../../runtimes/launch.js';
import type { RuntimeInstall } from '../../runtimes/locate.js';
import { runCellProcess, type RoundOutcome } from '../spawn-cell.js';

/** What one side runs: its cell entry, its suite modules by suite name, and folders it reads besides the project. */
export interface SideCode {
  cellEntry: string;
  suiteUrls: Record<string, string>;
  /** The worktree of a `--base` side: Deno must be allowed to read it. */
  readDirs: string[];
}

export interface RoundRequest {
  key: BatchCellKey;
  side: SideCode;
  target: { install: RuntimeInstall; probe: RuntimeProbe };
  config: RunConfig;
  /** 1-based, recorded in the round's sample; the pair's two rounds share it. */
  round: number;
  /** A folder the cell may write its outcome into. */
  scratch: string;
  /** Unique among the run's rounds: the outcome file's name. */
  position: number;
  inFlightPerWorker?: number;
  maxHeapMb?: number;
}

export function runAbRound(request: RoundRequest, signal: AbortSignal): Promise<RoundOutcome> {
  const { key, side, target, config } = request;
  const suiteUrl = side.suiteUrls[key.suite];
  if (suiteUrl === undefined) throw new Error(`no suite module for ${key.suite} on this side`);
  const spec: CellSpec = {
    suiteUrl,
    suite: key.suite,
    size: key.size,
    strategy: key.strategy,
    workers: key.workers,
    workerNice: config.workerNice ?? 0,
    thread: {
      api: target.probe.threadApi,
      smol: key.runtime === 'bun-smol',
      ...(request.maxHeapMb === undefined ? {} : { heapMb: request.maxHeapMb }),
    },
    eventLoopMethod: target.probe.capabilities.eventLoopHistogram ? 'histogram' : 'timer-drift',
    eventLoopFloorMs: target.probe.eventLoopFloorMs ?? EVENT_LOOP_RESOLUTION_MS,
    round: request.round,
    seed: config.seed,
    phaseMs: config.phaseMs,
    ...(request.inFlightPerWorker === undefined ? {} : { inFlightPerWorker: request.inFlightPerWorker }),
    outcomePath: join(request.scratch, `round-${request.position}.json`),
  };
  const launch = launchCommand(target.install, side.cellEntry, [JSON.stringify(spec)], {
    readDirs: [...suiteReadDirs(suiteUrl), ...side.readDirs],
    writeDir: request.scratch,
    forks: strategyFacts(key.strategy)?.kind === 'process',
    setsPriority: spec.workerNice > 0,
    readsCpus: peerPackageOf(key.strategy) !== undefined,
    ...(request.maxHeapMb === undefined ? {} : { heapMb: request.maxHeapMb }),
  });
  return runCellProcess(spec, launch, config.cellTimeoutMs, signal);
}
