/**
 * The starter suite `bench init` writes: a working workload the user replaces with their own,
 * each part of the contract (suites/suite.ts, README "Writing a suite") shown and explained
 * where it is written. A string, not a file beside this one: only dist/ ships, and tsc copies
 * no .mjs into it. test/unit/init-suite-template.test.ts imports it and checks it computes
 * CRC-32 right; test/init-starter-runs.test.ts measures it under every strategy.
 */

/** Where in the user's project it goes, relative to the directory init writes into. */
export const EXAMPLE_SUITE_PATH = 'bench/example.bench.mjs';

export const EXAMPLE_SUITE = `/**
 * A bench suite: one task of a workload. bench times it on the main thread, in worker
 * threads and in child processes, and tells whether moving it off the main thread pays,
 * by how much, and from what size on. Written by \`npx bench init\`; make it yours:
 *
 *   1. Import your own function (below, at YOUR CODE) and call it in run().
 *   2. Make makeInput() build a realistic input of \`size\` units (bytes, items, rows...).
 *   3. Make verify() check an output against something that does not call run's code.
 *
 *   npx bench run --suite bench/example.bench.mjs --quick    a first look (about a minute)
 *   npx bench run --suite bench/example.bench.mjs            settled answers
 *   npx bench report results/<run-id>.json                   the HTML report again
 *
 * The example workload: CRC-32 (the checksum of zip and PNG) of \`size\` seeded random
 * bytes, with a 256-entry lookup table that setup() builds once in every thread and process.
 * The whole contract: bench's README, "Writing a suite".
 */

// YOUR CODE: import what you want to measure, e.g.
//   import { render } from '../dist/render.js';
// Import JavaScript (your build's output, or a package): every worker and child process
// loads this file on its own, and bench runs no TypeScript loader, which would skew start-up.

/** The lookup table of the example's checksum: one per thread or process, built by setup(). */
/** @type {Uint32Array | undefined} */
let table;

function buildTable() {
  const built = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    built[n] = c;
  }
  return built;
}

/**
 * The example workload: replace it with your own function.
 * @param {Uint8Array} bytes
 */
function crc32(bytes) {
  // setup() has built the table before the first task; building it here too keeps the
  // function correct for a caller that never ran setup (then the first task pays for it).
  table ??= buildTable();
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The same checksum bit by bit, without the table: slower, but it shares no code with run().
 * @param {Uint8Array} bytes
 */
function crc32Reference(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    crc ^= bytes[i];
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * mulberry32: a tiny seeded generator, so the same size and seed always give the same input.
 * @param {number} seed
 */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @type {import('bench').Suite<Uint8Array, number>} */
export default {
  // One line, at most 64 characters: it names the suite in tables, charts and results files.
  name: 'example',
  description: 'CRC-32 of seeded random bytes (replace with your own workload)',
  // What --size sets: here a number of bytes. Pick a size whose task takes a millisecond or
  // more: shorter tasks are dwarfed by the cost of handing them to a thread or process.
  defaultSize: 1048576,
  // The sweep of \`bench study size\`, ascending: where does offloading start to pay?
  sizes: [16384, 131072, 1048576, 4194304],

  // Optional. Runs once in every host (the main thread, each worker, each child process)
  // before its first task, outside the timed region: build what every task shares (a
  // dictionary, a compiled schema, a WASM module) here, into module scope, not in
  // makeInput, whose result crosses to the worker with every task. It may be async.
  setup() {
    table = buildTable();
  },

  // Deterministic: the same size and seed must give the same input (bench checks). An input
  // is what structured clone carries: numbers, strings, arrays, plain objects, Map, Set,
  // Date, bigint, typed arrays (which travel fastest).
  makeInput(size, seed) {
    const random = seededRandom(seed);
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = (random() * 256) | 0;
    return bytes;
  },

  // The timed work: synchronous and CPU-bound, and it must not change its input (bench checks).
  run(input) {
    return crc32(input);
  },

  // true when the output is right, false when not; nothing else. It runs outside the
  // timing, once per distinct input, so a slow, plain reference is fine here.
  verify(input, output) {
    return output === crc32Reference(input);
  },
};
`;
