/**
 * Text for a terminal: every control character but the newline (ESC above all: a suite
 * name or error in someone's results file, or a suite's own error on a progress line, could
 * retitle the window, clear the screen or hide lines) becomes U+FFFD, one for one, so column
 * widths stay right.
 */
export function terminalSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}
