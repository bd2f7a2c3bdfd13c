/**
 * The CLI never evaluates a suite in its own process: a suite's import may exit, replace
 * JSON.stringify, write to stdout or change directory, so the CLI learns what it needs
 * from the suite probe (runners/orchestrate/suite-facts.ts). This guard fails when code
 * that runs in the CLI calls the suite loader, imports a module named at run time, or
 * starts a worker thread (a thread still shares the CLI's process, its directory and stdout).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../fixtures/paths.js';

/** The rooms whose code runs in the CLI's process (README's Layout). */
const CLI_SIDE = ['scripts/cli', 'scripts/benchmarks', 'runners/orchestrate', 'runners/http/harness', 'reports'];

const FORBIDDEN: [RegExp, string][] = [
  [/\b(loadSuite|validateSuite)\b/, 'evaluates a suite: ask suite-facts.ts (suiteFacts, probeSuite) instead'],
  [/\bimport\(\s*[^'"\s]/, 'imports a module named at run time: a suite must load in a process of its own'],
  [/\bnew Worker\(/, 'starts a worker thread in the CLI: run user code in a supervised process instead'],
];

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(root, path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('no code of the CLI evaluates a suite in its own process', () => {
  const root = repoRoot();
  const files = CLI_SIDE.flatMap((dir) => sourceFiles(root, dir));
  assert.ok(files.length > 50, `only ${files.length} CLI-side files found: has the layout moved?`);
  const broken: string[] = [];
  for (const file of files) {
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const [pattern, why] of FORBIDDEN) if (pattern.test(line)) broken.push(`${file}:${index + 1} ${why}`);
      });
  }
  assert.deepEqual(broken, []);
});
