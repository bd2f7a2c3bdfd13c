/**
 * How long `bench run`'s rounds still to come will take, from the rounds already measured.
 * Rounds differ by strategy far more than by anything else — a per-task strategy's round
 * pays a spawn per task and took 3–8× a pool's on fib here — so a mean over all finished
 * rounds (the old ETA) read 1.3–1.9× low whenever the first rounds were cheap ones. Each
 * round still to come is predicted from its own cell's rounds; a cell not yet timed from
 * cells like it (per-task or not, same host kind and runtime), else from what its round will do
 * (study/estimate.ts: the runtime's start costs, the phase budgets, the tasks a phase runs at
 * least) scaled by how the rounds timed so far compared with their own estimates; and the
 * share of rounds redone so far (a busy machine) is expected to continue, shrunk towards none. Until every cell
 * to come has one timed round the estimate is rough, and says so.
 */
import { cellId } from '../contract/cell-id.js';
import type { BatchCellKey } from '../contract/results.js';
import { strategyFacts } from '../contract/strategies.js';
import type { PlannedRound } from './plan.js';
import type { RoundEstimate } from './study/estimate.js';

/** The redone share is capped here: past it the machine is too busy for any estimate to hold. */
const MAX_REDONE_SHARE = 0.5;

const likeness = (key: BatchCellKey): string => {
  const facts = strategyFacts(key.strategy);
  return `${facts?.perTask === true}|${facts?.kind ?? key.strategy}|${key.runtime}`;
};
const perTaskOf = (key: BatchCellKey): string => String(strategyFacts(key.strategy)?.perTask === true);

class Means {
  private readonly sums = new Map<string, { total: number; count: number }>();
  add(group: string, ms: number): void {
    const entry = this.sums.get(group) ?? { total: 0, count: 0 };
    entry.total += ms;
    entry.count++;
    this.sums.set(group, entry);
  }
  of(group: string): number | undefined {
    const entry = this.sums.get(group);
    return entry === undefined ? undefined : entry.total / entry.count;
  }
}

export class RoundEta {
  /** Rounds still to come, by cell. */
  private readonly pending = new Map<string, { key: BatchCellKey; rounds: number }>();
  private readonly byCell = new Means();
  private readonly byLikeness = new Means();
  private readonly byPerTask = new Means();
  private readonly all = new Means();
  /** Timed rounds against their estimates, by runtime and overall: what an estimate is scaled by. */
  private readonly timedMs = new Means();
  private readonly estimatedMs = new Means();
  private finishedRounds = 0;
  private redoneRounds = 0;
  /** Cells in the plan: one block's rounds. */
  private readonly cells: number;

  constructor(
    planned: readonly PlannedRound[],
    /** What a round of a cell should take before any is timed (study/estimate.ts). */
    private readonly estimateOf?: RoundEstimate,
  ) {
    this.add(planned);
    this.cells = this.pending.size;
  }

  /** Rounds joined the plan: another block, or (`redo`) a disturbed round measured again. */
  add(rounds: readonly PlannedRound[], redo = false): void {
    for (const { key } of rounds) {
      const id = cellId(key);
      const entry = this.pending.get(id) ?? { key, rounds: 0 };
      entry.rounds++;
      this.pending.set(id, entry);
    }
    if (redo) this.redoneRounds += rounds.length;
  }

  finished(round: PlannedRound, elapsedMs: number): void {
    const id = cellId(round.key);
    const entry = this.pending.get(id);
    if (entry !== undefined && --entry.rounds <= 0) this.pending.delete(id);
    this.byCell.add(id, elapsedMs);
    this.byLikeness.add(likeness(round.key), elapsedMs);
    this.byPerTask.add(perTaskOf(round.key), elapsedMs);
    this.all.add('', elapsedMs);
    if (this.estimateOf) {
      const estimated = this.estimateOf(round.key);
      for (const group of [round.key.runtime, '']) {
        this.timedMs.add(group, elapsedMs);
        this.estimatedMs.add(group, estimated);
      }
    }
    this.finishedRounds++;
  }

  /** A cell unlike any timed one: its estimate, scaled as the timed rounds (same runtime first) compared with theirs. */
  private modelled(key: BatchCellKey): number | undefined {
    if (!this.estimateOf) return undefined;
    const group = this.timedMs.of(key.runtime) === undefined ? '' : key.runtime;
    const timed = this.timedMs.of(group);
    const estimated = this.estimatedMs.of(group);
    if (timed === undefined || estimated === undefined || !(estimated > 0)) return undefined;
    return this.estimateOf(key) * (timed / estimated);
  }

  /** Milliseconds left, and whether some cell to come has no timed round yet; undefined before any round finished. */
  estimate(): { ms: number; rough: boolean } | undefined {
    if (this.all.of('') === undefined) return undefined;
    let ms = 0;
    let rough = false;
    for (const [id, { key, rounds }] of this.pending) {
      const own = this.byCell.of(id);
      if (own === undefined) rough = true;
      const each = own ?? this.byLikeness.of(likeness(key)) ?? this.modelled(key) ?? this.byPerTask.of(perTaskOf(key)) ?? this.all.of('')!;
      ms += each * rounds;
    }
    // Shrunk towards none by one block's worth of rounds: two early redos of a per-task cell
    // must not double the estimate of a run whose machine then calms down.
    const redone = Math.min(MAX_REDONE_SHARE, this.redoneRounds / (this.finishedRounds + this.cells));
    return { ms: Math.round(ms / (1 - redone)), rough };
  }
}
