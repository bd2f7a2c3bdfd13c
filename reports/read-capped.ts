/**
 * Reads a file a command was handed (a results file, a history file) without ever holding
 * more than a cap in memory: a regular file is measured before it is read, and anything
 * else (a pipe, /dev/zero) is read until the cap and no further. So a 200 MB file, or a
 * stream that never ends, costs one line and exit 2, not the machine's memory.
 *
 * Why 128 MiB: bench thins every sample list to 2,000 values, so one cell round takes
 * about 30 KB; 128 MiB is over 4,000 cell rounds, more than any run or merge of runs
 * (`--suite all` × 6 strategies × 4 runtimes × 10 rounds is 720, about 22 MiB). Parsing
 * takes some three times the text in memory, ~400 MB at the cap, within Node's default
 * heap on a small machine. BENCH_MAX_RESULTS_MIB raises it for a larger merged file.
 *
 * A named pipe is opened without waiting (O_NONBLOCK): a blocking open waits for a writer,
 * forever if none comes (`bench report` on a FIFO hung). One no program writes to is refused
 * at once; one whose writer goes quiet, after STALL_MS without a byte.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export const DEFAULT_MAX_MIB = 128;
const MIB = 1024 * 1024;
/** What a stream of unknown length is read in. */
const CHUNK = 1 * MIB;
/** How long a pipe's writer may send nothing before the read is given up. */
export const STALL_MS = 30_000;
/** How often a pipe with nothing to read yet is looked at again. */
const POLL_MS = 10;

/** The cap in bytes: BENCH_MAX_RESULTS_MIB when it is a positive number, else the default. */
export function maxInputBytes(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env['BENCH_MAX_RESULTS_MIB']);
  return (Number.isFinite(asked) && asked > 0 ? asked : DEFAULT_MAX_MIB) * MIB;
}

/** The file is larger than the cap (`size`: its size, or undefined for a stream cut off at the cap). */
export class InputTooLargeError extends Error {
  override readonly name = 'InputTooLargeError';
  readonly problem: string;
  readonly fix = 'check the path, or set BENCH_MAX_RESULTS_MIB to read a larger file';

  constructor(size: number | undefined, cap: number) {
    const mib = (bytes: number): string => `${Math.round(bytes / MIB)} MiB`;
    const problem = `${size === undefined ? 'goes on' : `is ${mib(size)}`}, more than the ${mib(cap)} a results or history file can be`;
    super(problem);
    this.problem = problem;
  }
}

/** A pipe that gives nothing to read: no program writes to it, or its writer went quiet. */
export class InputStalledError extends Error {
  override readonly name = 'InputStalledError';
  readonly fix = 'write the results to a file and pass that file';

  constructor(readonly problem: string) {
    super(problem);
  }
}

/** The file's bytes, at most `cap` of them; errors of opening (ENOENT, EISDIR, EACCES) are thrown as they come. */
export async function readCapped(file: string, cap = maxInputBytes(), stallMs = STALL_MS): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > cap) throw new InputTooLargeError(stat.size, cap);
    // A regular file in one read of its size, +1 to see it grew (/proc files say size 0: at
    // least a chunk); anything else chunk by chunk. Never past cap + 1: that byte says too long.
    const chunks: Buffer[] = [];
    let total = 0;
    let quietSince = performance.now();
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(stat.isFile() ? Math.max(stat.size + 1, CHUNK) : CHUNK, cap + 1 - total));
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (error: unknown) {
        // EAGAIN: a pipe's writer is there but has sent nothing more yet.
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        if (performance.now() - quietSince > stallMs)
          throw new InputStalledError(`is a pipe whose writer sent nothing for ${stallMs / 1000} s`);
        await sleep(POLL_MS);
        continue;
      }
      // Without a writer a pipe reads as ended at once, where a blocking open would have waited for one.
      if (bytesRead === 0 && total === 0 && stat.isFIFO()) throw new InputStalledError('is a named pipe no program is writing to');
      if (bytesRead === 0) break;
      quietSince = performance.now();
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > cap) throw new InputTooLargeError(undefined, cap);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/**
 * The bytes as text, or undefined when they are not text: invalid UTF-8 or a NUL byte (a
 * binary file, or a results file truncated inside a multi-byte character by a full disk).
 * A byte-order mark, which an editor may add, is dropped.
 */
export function textOf(bytes: Buffer): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return text.includes('\0') ? undefined : text;
}
