/**
 * What a Web Worker's 'error' event says its thread threw, as node:worker_threads would hand it
 * over: an Error with the thrown error's name and message.
 *
 * Bun's (1.4.5) event leaves `error` null and puts into `message` the text it prints for an
 * uncaught throw: the numbered source lines around the throw ("14 |   throw new Error(…)"), a
 * caret under it, the error ("error: <message>" for a plain Error, "RangeError: <message>" for
 * others), its frames, then each `cause` the same way. A reason made of that text opens with
 * a line of source code; this keeps only the error's own lines.
 */

import { CARET_LINE, SNIPPET_LINE } from '../common/stderr-cause.js';

/** A stack frame: the error's text ends where they begin. */
const FRAME_LINE = /^\s+at /;
/** How Bun writes an Error whose name is "Error" and message not empty: the name in lower case. */
const PLAIN_ERROR = /^error: ([\s\S]*)$/;
/** Any other error: "RangeError: …", "DOMException: …". */
const NAMED_ERROR = /^([A-Za-z_$][\w$]*(?:Error|Exception)): ([\s\S]*)$/;

export interface ErrorEventLike {
  error?: unknown;
  message?: string;
}

export function errorOfEvent(event: ErrorEventLike): Error {
  // A runtime that hands over the thrown Error itself (the event's standard field) is believed first.
  if (event.error instanceof Error) return event.error;
  const text = event.message ?? '';
  const lines = text.split('\n');
  let start = 0;
  // Bun's numbered source lines ("14 |   throw …") and the caret under the throw come first.
  const source = (line: string): boolean => SNIPPET_LINE.test(line.trim()) || CARET_LINE.test(line.trim());
  while (start < lines.length && source(lines[start]!)) start++;
  let end = start;
  // The first error's lines only: its frames, a blank line and its cause follow.
  while (end < lines.length && lines[end] !== '' && !FRAME_LINE.test(lines[end]!)) end++;
  const thrown = lines.slice(start, end).join('\n');
  if (thrown === '') return new Error(text.trim() || 'worker thread error');
  const plain = PLAIN_ERROR.exec(thrown);
  if (plain) return new Error(plain[1]);
  const named = NAMED_ERROR.exec(thrown);
  if (!named) return new Error(thrown); // a thrown string or object, as Bun wrote it
  const error = new Error(named[2]);
  error.name = named[1]!;
  return error;
}
