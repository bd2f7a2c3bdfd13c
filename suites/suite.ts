/**
 * The suite contract: what a workload module's default export must provide.
 * Built-in suites and user suites (`--suite ./my-suite.js`) meet the same contract,
 * so every strategy and every transport works on every suite.
 */

export type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/** Values that survive structured clone, transfer, a SharedArrayBuffer and JSON alike. */
export type Value = number | string | boolean | TypedArray | { [key: string]: Value };

export interface Suite<Input extends Value = Value, Output extends Value = Value> {
  name: string;
  description: string;
  /** The knob `--size` sets: n, an element count, a byte count… */
  defaultSize: number;
  /** The sweep used by size and crossover studies. */
  sizes: number[];
  /** Largest size `--size` accepts (optional): beyond it a task would run for minutes. */
  maxSize?: number;
  /** Deterministic: the same size and seed always give the same input. */
  makeInput(size: number, seed: number): Input;
  /** Pure, synchronous and CPU-bound; must not mutate its input. */
  run(input: Input): Output;
  verify(input: Input, output: Output): boolean;
}
