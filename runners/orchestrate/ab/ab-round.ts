/**
 * One round of one side of an A/B cell: a fresh process started by launch-cell.ts, as every
 * `bench run` cell is, except that each side names its own cell entry and suite module: the
 * base of `--base REF` runs its own compiled harness from its worktree. Both sides run on
 * the same runtime binary, the head's, with the same settings.
 */
import { join } from 'node:path';
import type { BatchCellKey, RunConfig } from '../../contract/results.js';
import { launchCell, type CellCode } from '../launch-cell.js';
import type { ProbedTarget } from '../plan.js';
import type { RoundOutcome } from '../spawn-cell.js';

/** What one side runs: its cell entry, its suite modules by suite name, and folders it reads besides the project. */
export interface SideCode extends CellCode {
  suiteUrls: Record<string, string>;
}

export interface RoundRequest {
  key: BatchCellKey;
  side: SideCode;
  target: ProbedTarget;
  /** The run's config (launch-cell.ts runConfigOf): every setting the cell gets. */
  config: RunConfig;
  /** 1-based, recorded in the round's sample; the pair's two rounds share it. */
  round: number;
  /** A folder the cell may write its outcome into. */
  scratch: string;
  /** Unique among the run's rounds: the outcome file's name. */
  position: number;
}

export function runAbRound(request: RoundRequest, signal: AbortSignal): Promise<RoundOutcome> {
  const { key, side } = request;
  const suiteUrl = side.suiteUrls[key.suite];
  if (suiteUrl === undefined) throw new Error(`no suite module for ${key.suite} on this side`);
  return launchCell(
    {
      config: request.config,
      planned: { key, suiteUrl, round: request.round },
      target: request.target,
      outcomePath: join(request.scratch, `round-${request.position}.json`),
      code: side,
    },
    signal,
  );
}
