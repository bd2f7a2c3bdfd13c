/**
 * How deep a JSON text nests, found before it is parsed. JSON.parse itself copes with any
 * depth, but what walks the parsed value afterwards may recurse (JSON.stringify overflows its
 * stack near 10,000 levels: `bench merge` of a file nested 100,000 deep crashed with exit 3),
 * and a text of nothing but brackets costs some 100 bytes of heap per byte parsed (a 128 MiB
 * one, over 10 GB). No bench writes more than a dozen levels, so the loader refuses past
 * MAX_JSON_DEPTH before parsing: one pass over the text, about 6 ms a MiB.
 */

/** Deepest nesting a results file may have: bench's deepest (an ab or phases file) is under 16. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** The offset of the first bracket that opens level `limit + 1`, or undefined when the text never nests that deep. */
export function nestingPastAt(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (inString) {
      if (code === BACKSLASH) at++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (++depth > limit) return at;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) depth--;
  }
  return undefined;
}
