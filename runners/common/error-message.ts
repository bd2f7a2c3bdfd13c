/**
 * What was thrown, as text or as an Error. A throw can be anything (a string, a plain
 * object from another realm), so every place that reports one goes through here.
 */

export interface ErrorMessageOptions {
  /** Prefix the class ("RangeError: …"): a failure sent across from a worker otherwise loses its kind. */
  withName?: boolean;
  /** Keep only the first line: a summary line, where a message may carry a command's output or a stack. */
  firstLine?: boolean;
}

export function errorMessage(thrown: unknown, { withName = false, firstLine = false }: ErrorMessageOptions = {}): string {
  const text = thrown instanceof Error ? (withName ? `${thrown.name}: ${thrown.message}` : thrown.message) : String(thrown);
  const newline = firstLine ? text.indexOf('\n') : -1;
  return newline === -1 ? text : text.slice(0, newline);
}

/** `thrown` itself when it is an Error, else an Error carrying its text, for a promise's reject. */
export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
