/** --suite's list: commas separate suites, except inside the path of a file that exists. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { suiteSpecs } from '../../scripts/cli/parse/suite-specs.js';

test('a path holding commas stays one suite; names and other paths split as before', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-suite-specs-'));
  mkdirSync(join(dir, 'a,b'));
  writeFileSync(join(dir, 'a,b', 's,1.js'), '');
  writeFileSync(join(dir, 'plain.js'), '');
  assert.deepEqual(suiteSpecs('fib, ./a,b/s,1.js ,sort', dir), ['fib', './a,b/s,1.js', 'sort']);
  assert.deepEqual(suiteSpecs('./plain.js,./a,b/s,1.js', dir), ['./plain.js', './a,b/s,1.js']);
  assert.deepEqual(suiteSpecs('fib,,sort,', dir), ['fib', 'sort']);
  assert.deepEqual(suiteSpecs('./a,b/missing.js', dir), ['./a', 'b/missing.js'], 'no file: split, so the error names a piece');
});
