/**
 * What a payload study needs beside the round trip, measured in the cell after the timed
 * phases (so it never overlaps them): the bytes each way, the suite's run alone, and the
 * rate of one memcpy of the input's size.
 *
 * The run is timed on the cell's own thread, not in the worker or child: the same runtime
 * and the same function on the same input, without any transport, which is what the
 * transport's share (round trip − run) ÷ round trip needs. Timing it inside the worker
 * would need a clock on every task message; this keeps the protocol as it is.
 */
import { Buffer } from 'node:buffer';
import type { Suite, TypedArray, Value } from '../../suites/suite.js';
import type { PayloadFigures } from '../contract/results.js';
import { childrenOf, isContainer, valueKind } from '../common/value-kind.js';
import { round4 } from '../common/samples.js';

/** A timed batch lasts at least this long, so the timer's resolution does not dominate a 1 µs call. */
const MIN_BATCH_MS = 1;
/** Batches per figure: at least this many, and at least this much time in all. */
const MIN_BATCHES = 5;
const MIN_TOTAL_MS = 50;
const MAX_BATCHES = 200;

/**
 * Bytes a value carries, its data without any transport's framing: typed arrays' buffers,
 * strings (record keys included) as UTF-8, numbers and Dates as doubles, a bigint's 64-bit
 * words, booleans as one byte, null and undefined as none.
 */
export function bytesOf(value: Value): number {
  const kind = valueKind(value);
  if (kind === 'typed-array') return (value as TypedArray).byteLength;
  if (kind === 'date') return 8;
  if (isContainer(kind)) {
    let sum = 0;
    for (const [segment, item] of childrenOf(value, kind))
      sum += (kind === 'record' ? Buffer.byteLength(segment, 'utf8') - 1 : 0) + bytesOf(item);
    return sum;
  }
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number') return 8;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'bigint') return 8 * Math.ceil(Math.max(1, value.toString(16).replace('-', '').length) / 16);
  return 0;
}

/**
 * Time of one call of `work`, ms, from its fastest batch: calls are grouped into batches of
 * at least MIN_BATCH_MS (the group size doubles until one is), after one untimed call for
 * the JIT. The fastest, not the median: a suite that allocates its output (echo does) runs
 * bimodally, at 16 MiB 2.5 ms when the allocator hands back memory it had and 9 ms when it
 * maps fresh pages and takes their faults (node 20 here); which one a task in the worker
 * gets differs from the cell's loop, so the fastest is the run's own cost, and the share
 * computed from it an upper bound on the transport's.
 */
function timePerCall(work: () => unknown): number {
  let sink: unknown = work();
  let calls = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) sink = work();
    if (performance.now() - start >= MIN_BATCH_MS || calls >= 1 << 20) break;
    calls *= 2;
  }
  const perCall: number[] = [];
  const started = performance.now();
  while (perCall.length < MAX_BATCHES && (perCall.length < MIN_BATCHES || performance.now() - started < MIN_TOTAL_MS)) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) sink = work();
    perCall.push((performance.now() - start) / calls);
  }
  // Kept alive until here, so no engine can drop the calls as dead code.
  if (sink === perCall) perCall.push(0);
  return Math.min(...perCall);
}

/** MB/s (10^6 bytes) of Buffer.copy between two buffers of `bytes`, both touched first (no page faults timed). */
export function memcpyMbPerSec(bytes: number): number {
  const length = Math.max(1, bytes);
  const source = Buffer.alloc(length, 1);
  const target = Buffer.alloc(length);
  const ms = timePerCall(() => source.copy(target));
  return length / 1e6 / (Math.max(ms, 1e-9) / 1000);
}

export function measurePayloadFigures(suite: Suite, size: number, seed: number): PayloadFigures {
  const input = suite.makeInput(size, seed);
  const output = suite.run(input);
  const inputBytes = bytesOf(input);
  return {
    inputBytes,
    outputBytes: bytesOf(output),
    runMs: round4(timePerCall(() => suite.run(input))),
    memcpyMbPerSec: Math.round(memcpyMbPerSec(inputBytes)),
  };
}
