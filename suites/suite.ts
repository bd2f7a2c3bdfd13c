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

/**
 * What a suite's makeInput and run may return: what structured clone carries and real code
 * returns (a parser's AST, a decoder's nested arrays with nulls, a Map of counts). Every
 * transport carries all of it, a child's JSON channel included (through a tagged encoding).
 * A class instance travels as its own enumerable data: its prototype (methods, getters) does
 * not cross a thread or process boundary, so verify must read data, not call methods.
 * Functions, symbols and cycles are refused with one line naming where they are.
 */
export type Value =
  | number
  | string
  | boolean
  | bigint
  | null
  | undefined
  | TypedArray
  | Date
  | Value[]
  | Map<Value, Value>
  | Set<Value>
  | { [key: string]: Value };

/**
 * `Input` and `Output` are left unconstrained so a typed suite can name its own classes (an
 * AST's Node has no index signature, so it is no `Value` to TypeScript); the harness checks
 * every value at run time instead, the same for typed and plain JavaScript suites.
 */
export interface Suite<Input = Value, Output = Value> {
  name: string;
  description: string;
  /** The knob `--size` sets: n, an element count, a byte count… */
  defaultSize: number;
  /** The sweep used by size and crossover studies. */
  sizes: number[];
  /** Largest size `--size` accepts (optional): beyond it a task would run for minutes. */
  maxSize?: number;
  /**
   * Optional, run once in every host (the main thread, each worker, each child, each peer
   * pool's worker) before its first task and outside the timed region: build what every task
   * shares (a dictionary, a compiled schema, a WASM module) into module scope here, not in
   * makeInput, which would carry it across the transport with every task.
   */
  setup?(): void | Promise<void>;
  /** Deterministic: the same size and seed always give the same input. */
  makeInput(size: number, seed: number): Input;
  /** Pure, synchronous and CPU-bound; must not mutate its input. */
  run(input: Input): Output;
  verify(input: Input, output: Output): boolean;
}
