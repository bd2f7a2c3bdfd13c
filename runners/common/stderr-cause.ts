/**
 * Why a process died, from the tail of its stderr: the cell process (read by the CLI) and a
 * child process (read by the cell) are reported the same way, and a worker thread's death
 * (transports/thread.ts) and the CLI's memory watchdog (orchestrate/rss-watchdog.ts) word an
 * out-of-memory death the same way too: "ran out of its N MiB heap".
 */

/**
 * How much of a process's stderr to keep: enough for the last error and its frames. Node's
 * out-of-memory report puts its FATAL ERROR line before ~1,800 characters of native frames
 * and its GC trace before that; 2,000 sometimes cut the line that says why.
 */
export const STDERR_TAIL_CHARS = 8_000;

/**
 * The runtimes' words for running out of memory: V8's fatal errors (Node: "FATAL ERROR: …
 * JavaScript heap out of memory"; Deno: "Fatal JavaScript out of memory: Reached heap limit"),
 * a worker stopped at its resourceLimits ("JS heap out of memory", ERR_WORKER_OUT_OF_MEMORY),
 * JavaScriptCore's and Bun's ("RangeError: Out of memory", Zig's "OutOfMemory").
 */
const OUT_OF_MEMORY = /\bout of memory\b|\bOutOfMemory\b|\bERR_WORKER_OUT_OF_MEMORY\b|\bReached heap limit\b/i;

export const isOutOfMemory = (words: string): boolean => OUT_OF_MEMORY.test(words);

/**
 * A host (cell, worker thread, child process) that ran out of memory: the limit it had, the
 * runtime's own words, and the fix. `heapMb`: --max-heap; absent, the runtime's default.
 */
export function outOfMemoryCause(words: string, heapMb: number | undefined): string {
  const limit = heapMb === undefined ? "its runtime's default heap" : `its ${heapMb} MiB heap`;
  return `ran out of ${limit} (${words}); raise --max-heap if the suite needs more`;
}

/** A death's cause as reported: the runtime's words, or, when they say memory ran out, which limit. */
export function explainCause(words: string | undefined, heapMb: number | undefined): string | undefined {
  return words !== undefined && isOutOfMemory(words) ? outOfMemoryCause(words, heapMb) : words;
}

/** Terminal colour and style sequences ("\u001b[1m\u001b[31merror\u001b[0m: …"). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape character is the point
const COLOUR_CODES = /\u001b\[[0-9;]*m/g;

const withoutColours = (text: string): string => text.replace(COLOUR_CODES, '');

/** A caret under the source line that threw (Node, Bun and Deno all print one); lines trimmed. */
export const CARET_LINE = /^\^+$/;

/** Bun's numbered source lines above an uncaught throw: "14 |         throw new Error(…)"; lines trimmed. */
export const SNIPPET_LINE = /^\d+ \| /;

/** Lines that never say why: frames, banners, hints, V8's GC trace, Deno's crash framing, carets and Bun's source lines. */
function telling(line: string): boolean {
  return (
    line !== '' &&
    line !== '#' &&
    !/^Node\.js v\d/.test(line) &&
    !line.startsWith('at ') &&
    !/^\d+: 0x[0-9a-f]+ /.test(line) && // a native frame: "3: 0xee85e7 v8::…"
    !/^\S+\(\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$/.test(line) && // Deno's: "/…/deno(+0x28b0d2e) [0x55a6…]"
    !/^=+ .* =+$|^-+ .* -+$|^<-+ .* -+>$/.test(line) && // "==== C stack trace ====", "<--- Last few GCs --->"
    !/^\[\d+:0x[0-9a-f]+\]/.test(line) && // a GC trace line: "[22933:0x55a6…]   157 ms: Mark-Compact …"
    !/^\(Use `node --/.test(line) &&
    !CARET_LINE.test(line) &&
    !SNIPPET_LINE.test(line)
  );
}

/**
 * Deno's report of an uncaught throw: "error: Uncaught (in promise) Error: …" (or "(in worker
 * "")"), printed first, then the source line, a caret and the frames: the lines after the caret
 * are never the error, and the source line (which may read "throw new Error(…)") must not be
 * taken for it.
 */
const DENO_UNCAUGHT = /^error: Uncaught\b/;

/**
 * The line of a dead process's stderr that says why: a runtime's out-of-memory error wherever
 * it is (Deno prints native frames after it); else Deno's "error: Uncaught …" line; else the
 * error after the caret; else the last error line, not Node's closing "Node.js v20…" banner, a
 * stack frame nor a line of source code; else the last line there is.
 */
export function causeIn(stderr: string): string | undefined {
  // Deno frames its fatal error with "#" lines: "# Fatal JavaScript out of memory: …", and
  // colours "error:" even into a pipe: the reason keeps the words, not the escape codes.
  const all = withoutColours(stderr)
    .split('\n')
    .map((line) => line.trim().replace(/^# /, ''));
  // The line a caret stands under is source code, however much it looks like an error.
  const latestFirst = all.filter((line, at) => telling(line) && !CARET_LINE.test(all[at + 1] ?? '')).reverse();
  const memory = latestFirst.find(isOutOfMemory);
  if (memory !== undefined) return memory;
  const deno = latestFirst.find((line) => DENO_UNCAUGHT.test(line));
  if (deno !== undefined) return deno;
  // An uncaught throw: Node (and Bun) show the source line, a caret under it, then what was thrown.
  const caret = all.map((line) => CARET_LINE.test(line)).lastIndexOf(true);
  const thrown = caret >= 0 ? all.slice(caret + 1).find(telling) : undefined;
  if (thrown !== undefined) return thrown;
  return latestFirst.find((line) => /^FATAL ERROR\b|\b\w*(Error|Exception)\b|^error\b/i.test(line)) ?? latestFirst[0];
}
