/**
 * The `study` block of a results file written by `bench study payload`: per transport and
 * payload size, what one task's round trip costs and how much of it is the transport.
 * Every figure is derived from the run's cells (reports/decide/study/payload.ts): the round trip
 * from the unloaded latency, the rest from each round's `payload` figures.
 */
import type { RunResult } from './results.js';

export interface PayloadPoint {
  /** The swept size (the suite's knob: bytes for echo). */
  size: number;
  /** Bytes of the input, one way (what the cell measured: echo rounds a size down to whole doubles). */
  bytes: number;
  /** Median unloaded round trip of one task: submit → verified-ready output, ms. */
  roundTripMs: number;
  /** 99th percentile of the same samples, ms. */
  roundTripP99Ms: number;
  /**
   * The suite's run alone on the cell's thread (no transport), ms: each round's fastest batch
   * (runners/cell/payload-figures.ts says why), median over rounds; null where not measured.
   */
  runMs: number | null;
  /** Input plus output bytes ÷ the round trip, in MB/s (10^6 bytes). */
  mbPerSec: number;
  /**
   * (round trip − run) ÷ round trip, 0–1: what the task spends getting its payload there and
   * back. Clamped at 0: at tiny payloads the run measured apart can exceed the round trip by noise.
   * Null without a run time.
   */
  transportShare: number | null;
  /** Buffer.copy of `bytes` in the same cells, MB/s: one copy's rate at this size (each round's fastest batch, median over rounds). */
  memcpyMbPerSec: number | null;
}

export interface PayloadSeries {
  suite: string;
  strategy: string;
  transport: string;
  runtime: string;
  /** Completed sizes, ascending. */
  points: PayloadPoint[];
  /** Why some sizes have no point (skipped or errored cells), one line each; empty when every size completed. */
  missing: string[];
}

export interface PayloadStudy {
  kind: 'payload';
  /** The swept sizes. */
  sizes: number[];
  /** False when the run was interrupted: the analysis covers what was measured. */
  complete: boolean;
  transports: PayloadSeries[];
  /**
   * The machine's memcpy rate (MB/s): the median Buffer.copy rate of the rounds at the
   * largest size measured (large copies run at memory bandwidth); null when none was measured.
   */
  memcpyMbPerSec: number | null;
  /** One paragraph per runtime that a reviewer could quote; every figure from the points. */
  answer: string[];
}

/**
 * A results file with a payload study block. The loader types every `study` block as a
 * sweep's (results-schema.ts); reports/payload-of.ts reads this one from the file as it is.
 */
export type PayloadRunResult = Omit<RunResult, 'study'> & { study?: PayloadStudy };
