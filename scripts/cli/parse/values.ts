/**
 * Every value parser of the CLI: lists, whole numbers in a range, sizes with k/m/g, seconds,
 * durations, percentages, rates. Each names the flag and the fix in a UsageError (one line,
 * exit 2), so a bad value reads the same whatever command took it.
 */
import { UsageError } from '../usage-error.js';

/** `a, b,,c` → ['a', 'b', 'c']: items trimmed, empty ones dropped. */
export function listOf(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

const got = (value: number): string => (Number.isNaN(value) ? 'a non-number' : String(value));

/** A whole number from `min` to `max`, or absent; `what` says what it counts ("a whole number", "a number of MiB"). */
export function integerIn(flag: string, value: number | undefined, min: number, max: number, what: string): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be ${what} from ${min} to ${max}, got ${got(value)}`);
  }
}

/** A number of seconds above 0 (from 0 when `allowZero`) up to `max`. */
export function secondsIn(flag: string, value: number, allowZero: boolean, max: number): void {
  if (!(Number.isFinite(value) && (allowZero ? value >= 0 : value > 0) && value <= max)) {
    throw new UsageError(`--${flag} must be a number of seconds ${allowZero ? 'from 0' : 'above 0'} up to ${max}, got ${got(value)}`);
  }
}

/** A false-alarm rate above 0 and below 0.5; `what` names it ("a significance level"). */
export function rateBelowHalf(flag: string, value: number, what: string): void {
  if (!(value > 0 && value < 0.5)) throw new UsageError(`--${flag} must be ${what} above 0 and below 0.5, such as 0.05, got ${value}`);
}

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

/** A comma-separated ascending list of whole numbers (sizes allowed) within [min, max], at least two; `example` ends each message. */
export function parseAscendingList(flag: string, text: string, min: number, max: number, example: string): number[] {
  const items = listOf(text);
  if (items.length === 0) throw new UsageError(`--${flag} is empty: give a comma-separated ascending list, e.g. --${flag} ${example}`);
  const values = items.map((item) => {
    // k, m and g suffixes (×1024) read as sizes do: --sizes 1k,64k,1m.
    const value = sizeValue(item);
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new UsageError(`--${flag}: "${item}" is not a whole number from ${min} to ${max}; e.g. --${flag} ${example}`);
    }
    return value;
  });
  const unsorted = values.findIndex((value, i) => i > 0 && value <= values[i - 1]!);
  if (unsorted > 0) {
    const fixed = [...new Set(values)].sort((a, b) => a - b).join(',');
    throw new UsageError(
      `--${flag} must be ascending without repeats (${values[unsorted - 1]} then ${values[unsorted]}): e.g. --${flag} ${fixed}`,
    );
  }
  if (values.length < 2) throw new UsageError(`--${flag} ${text} is a study of one point: give at least two, e.g. --${flag} ${example}`);
  return values;
}

const UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** `10m`, `90s`, `1h30m`, `500ms`, or a plain number of seconds → milliseconds. */
export function parseDuration(flag: string, text: string): number {
  const trimmed = text.trim();
  const example = `e.g. --${flag} 10m, 90s or 1h30m`;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)\s*(ms|min|h|m|s)/g)];
  if (
    parts.length === 0 ||
    parts
      .map((part) => part[0])
      .join('')
      .replace(/\s/g, '') !== trimmed.replace(/\s/g, '')
  ) {
    throw new UsageError(`--${flag} "${text}" is not a duration: ${example}`);
  }
  return parts.reduce((total, part) => total + Number(part[1]) * UNITS_MS[part[2]!]!, 0);
}

/** A share of 0–100 %: `5%`, `5 %` or `5` → 0.05; `100%` is everything (never exceeded). */
export function parseShare(flag: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const value = match ? Number(match[1]) : Number.NaN;
  if (!(value >= 0 && value <= 100)) throw new UsageError(`--${flag} must be a percentage from 0 to 100, such as 5%, got "${text}"`);
  return value / 100;
}

/** `10%`, `10 %` or `10` → 0.1. Anything else is a usage error naming the flag and the form. */
export function parseThreshold(text: string, flag = 'threshold'): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const value = match ? Number(match[1]) : Number.NaN;
  if (!(value > 0 && value <= 1000)) {
    throw new UsageError(`--${flag} must be a percentage above 0 and up to 1000, such as 10%, got "${text}"`);
  }
  return value / 100;
}
