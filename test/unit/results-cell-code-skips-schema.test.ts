/**
 * Code that runs inside a cell, a worker, a child or an HTTP server imports the results
 * contract for its types only: nothing it loads reaches the schema library, so measuring
 * never pays for loading it. Checked on the compiled imports, where type imports are gone.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const RUNNERS = fileURLToPath(new URL('../../runners', import.meta.url));
/** The rooms whose code runs outside the CLI process (and what they import runs there too). */
const OUT_OF_CLI = ['cell', 'transports', 'http/server', 'executors', 'strategies'];
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every module `entry` loads, by its static and literal dynamic imports: local paths and bare package names. */
function importClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.startsWith('/')) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:')) pending.push(specifier);
    }
  }
  return seen;
}

test('cell, transport and server code never loads the results schema or its library', () => {
  const entries = OUT_OF_CLI.flatMap((room) => jsFiles(join(RUNNERS, room)));
  assert.ok(entries.length > 20, `compiled code found under ${RUNNERS}`);
  for (const entry of entries) {
    const loaded = [...importClosure(entry)];
    const offending = loaded.filter(
      (module) => module === 'valibot' || module.startsWith('valibot/') || module.endsWith('/results-schema.js'),
    );
    assert.deepEqual(offending, [], `${relative(RUNNERS, entry)} loads ${offending.join(', ')}`);
  }
});
