/**
 * How long `bench ab` may still take. An A/B run has no fixed length — a cell stops at the
 * first look that decides it, or runs to --max-rounds pairs — so the honest estimate is a
 * range: every open cell stopping at its next look, against every one running to the end.
 * Each cell's pairs are timed from its own pairs (cells differ by strategy far more than by
 * side: a per-task strategy's round pays a spawn per task), a cell not yet paired from the
 * mean of all; both ends are capped by --max-time.
 */
export interface AbEtaCell {
  index: number;
  pairs: number;
  /** Decided or stopped: no more pairs. */
  open: boolean;
}

export interface AbEtaRange {
  minMs: number;
  maxMs: number;
}

export class AbEta {
  private readonly pairMs = new Map<number, { total: number; count: number }>();
  private allTotal = 0;
  private allCount = 0;

  constructor(
    private readonly looks: readonly number[],
    private readonly maxPairs: number,
    /** performance.now() when --max-time is spent; Infinity without one. */
    private readonly deadline: number,
  ) {}

  paired(cellIndex: number, elapsedMs: number): void {
    const entry = this.pairMs.get(cellIndex) ?? { total: 0, count: 0 };
    entry.total += elapsedMs;
    entry.count++;
    this.pairMs.set(cellIndex, entry);
    this.allTotal += elapsedMs;
    this.allCount++;
  }

  /** The pairs a cell has left if it stops at its next look. */
  private fewestLeft(pairs: number): number {
    const next = this.looks.find((look) => look > pairs) ?? this.maxPairs;
    return Math.max(0, Math.min(next, this.maxPairs) - pairs);
  }

  /** undefined before any pair was timed. */
  estimate(cells: readonly AbEtaCell[], now = performance.now()): AbEtaRange | undefined {
    if (this.allCount === 0) return undefined;
    const mean = this.allTotal / this.allCount;
    let minMs = 0;
    let maxMs = 0;
    for (const cell of cells) {
      if (!cell.open) continue;
      const own = this.pairMs.get(cell.index);
      const perPair = own === undefined ? mean : own.total / own.count;
      minMs += this.fewestLeft(cell.pairs) * perPair;
      maxMs += (this.maxPairs - cell.pairs) * perPair;
    }
    const left = Math.max(0, this.deadline - now);
    return { minMs: Math.min(minMs, left), maxMs: Math.min(maxMs, left) };
  }
}
