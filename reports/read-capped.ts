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
 */
import { open } from 'node:fs/promises';

export const DEFAULT_MAX_MIB = 128;
const MIB = 1024 * 1024;
/** What a stream of unknown length is read in. */
const CHUNK = 1 * MIB;

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

/** The file's bytes, at most `cap` of them; errors of opening (ENOENT, EISDIR, EACCES) are thrown as they come. */
export async function readCapped(file: string, cap = maxInputBytes()): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > cap) throw new InputTooLargeError(stat.size, cap);
    // A regular file in one read of its size, +1 to see it grew (/proc files say size 0: at
    // least a chunk); anything else chunk by chunk. Never past cap + 1: that byte says too long.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(stat.isFile() ? Math.max(stat.size + 1, CHUNK) : CHUNK, cap + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
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
