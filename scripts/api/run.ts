/**
 * `run(options)`: what `bench run` does, for code that embeds bench: each cell in a fresh
 * process, rounds interleaved, outputs verified; it resolves to the results object (the
 * contract of runners/contract/results.ts, what `bench run` writes) instead of printing a
 * table. It writes a results file only when asked (`out`), prints nothing unless asked
 * (`progress`), and never exits the process: bad options reject with an Error in the CLI's
 * words, naming the flag (`--workers must be …`), whose `exitCode` is 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../../runners/contract/results.js';
import { createProgress } from '../../runners/orchestrate/progress.js';
import { FLAGS } from '../cli/flags.js';
import { writableDir } from '../cli/output-paths.js';
import { measureRun, prepareRun, type RunFlags } from './measure.js';

/** A list option: an array, or the CLI's comma-separated text. */
type List = string | readonly string[];

/** `bench run`'s flags under their camelCase names (README "Everyday use"); each absent one takes the CLI's default. */
export interface RunOptions {
  /** Built-in suite names (fib, sort, sha256, echo, all) or paths of suite files, relative to process.cwd(). Default fib. */
  suite?: List;
  /** The suite's size knob; k/m/g suffixes allowed in text (64k). Default: the suite's defaultSize. */
  size?: number | string;
  /** Default: every strategy but the peer pools (`bench list`). */
  strategies?: List;
  transport?: List;
  /** Default: os.availableParallelism(). */
  workers?: number;
  rounds?: number;
  /** 250 ms phases and 2 rounds, no sequential blocks. */
  quick?: boolean;
  phaseTime?: number;
  /** Seconds. */
  cellTimeout?: number;
  seed?: number;
  workerNice?: number;
  inFlightPerWorker?: number;
  /** MiB. */
  maxHeap?: number;
  phases?: boolean;
  /** A percentage, e.g. '5%'. */
  disturbedAbove?: string;
  maxRounds?: number;
  /** A duration, e.g. '3m'. */
  maxTime?: string;
  /** Default node. */
  runtime?: List;
  bun?: string;
  deno?: string;
  bunSmol?: boolean;
  keepGoing?: boolean;
  /** Also write the results file, `<out>/<run-id>.json` (the directory is created). Absent: no file is left. */
  out?: string;
  /** Progress lines on stderr, as the CLI prints them. Default false. */
  progress?: boolean;
  /** Aborting it stops the running cell; the run resolves with what was measured, `complete: false`. */
  signal?: AbortSignal;
}

const text = (list: List | undefined): string | undefined => (list === undefined || typeof list === 'string' ? list : list.join(','));

function flagsOf(options: RunOptions): RunFlags {
  return {
    ...options,
    suite: text(options.suite),
    strategies: text(options.strategies),
    transport: text(options.transport),
    runtime: text(options.runtime) ?? FLAGS.runtime.default,
    seed: options.seed ?? FLAGS.seed.default,
    maxRounds: options.maxRounds ?? FLAGS['max-rounds'].default,
    quick: options.quick ?? FLAGS.quick.default,
    phases: options.phases ?? FLAGS.phases.default,
    bunSmol: options.bunSmol ?? FLAGS['bun-smol'].default,
    keepGoing: options.keepGoing ?? FLAGS['keep-going'].default,
  };
}

/** Not flags: how the API hands the run its edges. */
const NOT_FLAGS = new Set<string>(['progress', 'signal']);

/** The `bench run` command line that would measure the same (the results' context records it). */
function commandLineOf(options: RunOptions): string[] {
  const args = ['run'];
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || NOT_FLAGS.has(key)) continue;
    const flag = `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    if (typeof value === 'boolean') args.push(value ? flag : `--no-${flag.slice(2)}`);
    else args.push(flag, Array.isArray(value) ? value.join(',') : String(value));
  }
  return args;
}

export async function run(options: RunOptions = {}): Promise<RunResult> {
  const prepared = await prepareRun(flagsOf(options), (line) => process.stderr.write(`${line}\n`));
  // Without `out` the journal still rewrites its file after every round (what survives a crash): in a directory removed after.
  const dir = options.out === undefined ? mkdtempSync(join(os.tmpdir(), 'bench-api-')) : writableDir('options.out', options.out);
  try {
    const { result } = await measureRun(prepared, {
      dir,
      signal: options.signal ?? new AbortController().signal,
      progress: (rounds, estimateOf) => createProgress(rounds, { quiet: options.progress !== true, estimateOf }),
      commandLine: commandLineOf(options),
    });
    return result;
  } finally {
    if (options.out === undefined) rmSync(dir, { recursive: true, force: true });
  }
}
