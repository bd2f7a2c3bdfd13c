/**
 * --suite's value → the suites it names: a comma-separated list of built-in names and
 * paths, in which a path may hold commas of its own (`./runs,2026/my-suite.js`). A plain
 * split made such a file impossible to pass; here consecutive pieces are joined back
 * whenever the joined text names an existing file, the longest such run first.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

function isFile(spec: string, cwd: string): boolean {
  try {
    return statSync(resolve(cwd, spec)).isFile();
  } catch {
    return false;
  }
}

export function suiteSpecs(text: string, cwd = process.cwd()): string[] {
  const pieces = text.split(',');
  const specs: string[] = [];
  for (let start = 0; start < pieces.length; ) {
    let end = start + 1;
    // A list of a few suites: trying every longer run of pieces is a handful of stat calls.
    for (let longer = pieces.length; longer > start + 1; longer--) {
      if (isFile(pieces.slice(start, longer).join(',').trim(), cwd)) {
        end = longer;
        break;
      }
    }
    specs.push(pieces.slice(start, end).join(',').trim());
    start = end;
  }
  return specs.filter((spec) => spec !== '');
}
