/**
 * Why a process died, from the tail of its stderr: the cell process (read by the CLI) and a
 * child process (read by the cell) are reported the same way.
 */

/** How much of a process's stderr to keep: enough for the last error and a few frames. */
export const STDERR_TAIL_CHARS = 2_000;

/**
 * The line of a dead process's stderr that says why: the last error line, not Node's closing
 * "Node.js v20…" banner nor a stack frame; else the last line there is.
 */
export function causeIn(stderr: string): string | undefined {
  const all = stderr.split('\n').map((line) => line.trim());
  // Not the version banner, a JavaScript stack frame, a native one ("3: 0xee85e7 v8::…") or Node's hints.
  const telling = (line: string): boolean =>
    line !== '' &&
    !/^Node\.js v\d/.test(line) &&
    !line.startsWith('at ') &&
    !/^\d+: 0x[0-9a-f]+ /.test(line) &&
    !/^\(Use `node --/.test(line);
  // An uncaught throw: Node shows the source line, a caret under it, then what was thrown.
  const caret = all.map((line) => /^\^+$/.test(line)).lastIndexOf(true);
  const thrown = caret >= 0 ? all.slice(caret + 1).find(telling) : undefined;
  if (thrown !== undefined) return thrown;
  const lines = all.filter(telling);
  return [...lines].reverse().find((line) => /^FATAL ERROR\b|\b\w*(Error|Exception)\b|^error\b/i.test(line)) ?? lines.at(-1);
}
