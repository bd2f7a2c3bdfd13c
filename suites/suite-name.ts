/**
 * The one rule for a suite's name. The name is a key of the results file (`config.sizes`),
 * a column of every table and a word of every progress line, so it must be text that stays
 * one line and one key: a name holding a newline forged terminal lines ('results:
 * /etc/passwd'), and one named "__proto__" made a results file the loader refuses.
 */

/** Longer names are no clearer, and they break every table's columns. */
export const MAX_SUITE_NAME_CHARS = 64;

/**
 * Line breaks (newline, carriage return, vertical tab, form feed, NEL, the Unicode line and
 * paragraph separators) and format characters (bidirectional overrides, zero-width ones,
 * which make text show other than it reads). Other control characters, an escape above all,
 * are shown inert wherever a name is printed (terminalSafe, one for one), and a test suite
 * names itself with one to prove it; the newline is the one character terminalSafe keeps,
 * as tables are lines.
 */
const UNPRINTABLE = /[\n\r\v\f\u0085\p{Zl}\p{Zp}\p{Cf}]/u;

/** What is wrong with `name` as a suite's name, with the fix, or undefined when it is fine. */
export function suiteNameProblem(name: string): string | undefined {
  const shown = JSON.stringify(name.length > MAX_SUITE_NAME_CHARS ? `${name.slice(0, MAX_SUITE_NAME_CHARS)}…` : name);
  if (name.trim() === '') return `its name ${shown} is empty: name it, e.g. name: 'my-suite'`;
  if (UNPRINTABLE.test(name)) {
    return `its name ${shown} holds a line break or a format character: keep it to one line of plain text`;
  }
  if (name !== name.trim()) return `its name ${shown} begins or ends with white space: trim it`;
  if (name.length > MAX_SUITE_NAME_CHARS) return `its name ${shown} is longer than ${MAX_SUITE_NAME_CHARS} characters: shorten it`;
  if (name === '__proto__') return 'its name "__proto__" cannot be a key of the results file: choose another';
  return undefined;
}
