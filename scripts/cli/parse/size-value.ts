/**
 * Sizes as a user writes them: `8`, `1000`, or with a binary suffix, `64k`, `1m`, `16M`,
 * `1g` (powers of 1024: k = 1,024, m = 1,048,576). A payload study's sizes are bytes, and
 * `--sizes 1k,64k,1m,16m` reads better than their digits. Every flag that takes a size
 * (--size, --sizes) goes through here.
 */
const MULTIPLIERS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** The size `text` names, or NaN when it names none: the caller's range check then names the flag and the fix. */
export function sizeValue(text: string | number): number {
  if (typeof text === 'number') return text;
  const match = /^(-?\d+(?:\.\d+)?)([kmg]?)$/i.exec(text.trim());
  // Out of range or fractional, the value still goes back: the range check says what was wrong with it.
  return match ? Number(match[1]) * MULTIPLIERS[match[2]!.toLowerCase()]! : Number.NaN;
}

/** A size as a user would write it back: 65536 → 64k, 1048576 → 1m, 1000 → 1000. */
export function formatSizeArg(size: number): string {
  for (const [suffix, multiplier] of [
    ['g', 1024 ** 3],
    ['m', 1024 ** 2],
    ['k', 1024],
  ] as const) {
    if (size >= multiplier && size % multiplier === 0) return `${size / multiplier}${suffix}`;
  }
  return String(size);
}
