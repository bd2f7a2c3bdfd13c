/**
 * The schema of the `study` block `bench study payload` writes (types in payload-study.ts,
 * derived from these): the loader checks it field by field, and reports read it typed.
 * `kind: 'payload'` tells it from a sweep's block (study-schema.ts) in the results schema.
 */
import * as v from 'valibot';
import { bool, figure, num, share, str } from './schema-primitives.js';

export const PAYLOAD_POINT = v.object({
  /** The swept size (the suite's knob: bytes for echo). */
  size: num,
  /** Bytes of the input, one way (what the cell measured: echo rounds a size down to whole doubles). */
  bytes: figure,
  /** Bytes of the output, one way; absent in files from before it was recorded (echo's equals its input). */
  outputBytes: v.optional(figure),
  /** Median unloaded round trip of one task: submit → verified-ready output, ms. */
  roundTripMs: figure,
  /** 99th percentile of the same samples, ms. */
  roundTripP99Ms: figure,
  /**
   * The suite's run alone on the cell's thread (no transport), ms: each round's fastest batch
   * (runners/cell/payload-figures.ts says why), median over rounds; null where not measured.
   * A number as the rounds' `payload.runMs` is (round-schema.ts), which this is the median of.
   */
  runMs: v.nullable(num),
  /** Input plus output bytes ÷ the round trip, in MB/s (10^6 bytes). */
  mbPerSec: figure,
  /**
   * (round trip − run) ÷ round trip, 0–1: what the task spends getting its payload there and
   * back. Clamped at 0: at tiny payloads the run measured apart can exceed the round trip by noise.
   * Null without a run time.
   */
  transportShare: v.nullable(share),
  /** Buffer.copy of `bytes` in the same cells, MB/s: one copy's rate at this size (each round's fastest batch, median over rounds). */
  memcpyMbPerSec: v.nullable(num),
});

export const PAYLOAD_SERIES = v.object({
  suite: str,
  strategy: str,
  transport: str,
  runtime: str,
  /** Completed sizes, ascending. */
  points: v.array(PAYLOAD_POINT),
  /** Why some sizes have no point (skipped or errored cells), one line each; empty when every size completed. */
  missing: v.array(str),
});

export const PAYLOAD_STUDY = v.object({
  kind: v.literal('payload'),
  /** The swept sizes. */
  sizes: v.array(num),
  /** False when the run was interrupted: the analysis covers what was measured. */
  complete: bool,
  transports: v.array(PAYLOAD_SERIES),
  /**
   * The machine's memcpy rate (MB/s): the median Buffer.copy rate of the rounds at the
   * largest size measured (large copies run at memory bandwidth); null when none was measured.
   */
  memcpyMbPerSec: v.nullable(num),
  /** One paragraph per runtime that a reviewer could quote; every figure from the points. */
  answer: v.array(str),
});

export type PayloadPoint = v.InferOutput<typeof PAYLOAD_POINT>;
export type PayloadSeries = v.InferOutput<typeof PAYLOAD_SERIES>;
export type PayloadStudy = v.InferOutput<typeof PAYLOAD_STUDY>;
