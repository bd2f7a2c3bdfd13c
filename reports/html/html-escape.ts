/**
 * Everything that puts text from a results file, or code, into the HTML page. Results
 * files can hold anything (suite names come from user code, hosts from the machine),
 * so no string reaches the page without going through one of these.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** For text content and quoted attribute values alike. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * JSON for a `<script type="application/json">` block. `<` and `>` would let a string
 * close the block (`</script>`) or open a comment; `&` is escaped for symmetry with
 * attribute contexts; U+2028/2029 are line terminators to older JavaScript parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Code for an inline `<script>`: `</script` would end the block early, so it becomes
 * `<\/script`, which JavaScript reads the same in strings, regular expressions and
 * comments. `<!--` has no such universal rewrite; code containing it is refused.
 */
export function scriptSafe(code: string): string {
  if (code.includes('<!--')) throw new Error('cannot inline a script that contains "<!--"');
  return code.replace(/<\/(script)/gi, '<\\/$1');
}
