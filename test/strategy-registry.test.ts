/**
 * runners/contract/strategies.ts is the one place a strategy's facts live: every run
 * strategy has an executor builder, the CLI offers exactly the registry's names, and no
 * other source file names a strategy in a string literal (it reads the registry instead).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_STRATEGY_NAMES, strategiesFor, type Scenario } from '../runners/contract/strategies.js';
import { findStrategy, STRATEGIES } from '../runners/strategies/index.js';
import { repoRoot } from './fixtures/paths.js';
import { runCli, tempDir } from './helpers/cli.js';

/**
 * Where a strategy's name may be spelled out: the registry and the executor builders, and the
 * peer pools' adapters and worker files, which import the npm packages those strategies are named after.
 */
const OWNERS = ['runners/contract/strategies.ts', 'runners/strategies/', 'runners/executors/peers/', 'runners/transports/peer/'];

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(root, path);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

test('every registered run strategy has an executor builder under its own name', () => {
  const run = strategiesFor('run');
  assert.ok(run.length > 0);
  for (const name of run) assert.equal(findStrategy(name)?.name, name, `${name} has no builder in runners/strategies/index.ts`);
  assert.deepEqual(
    STRATEGIES.map((strategy) => strategy.name),
    run,
  );
});

test("the strategies bench run and bench http accept are the registry's, in its order", async () => {
  const out = tempDir();
  try {
    for (const [command, scenario] of [
      ['run', 'run'],
      ['http', 'http'],
    ] as const satisfies [string, Scenario][]) {
      const result = await runCli([command, '--strategies', 'not-a-strategy', '--out', out]);
      assert.equal(result.code, 2, result.stderr);
      const offered = /choose from (.+)$/m.exec(result.stderr)?.[1]?.split(', ');
      assert.deepEqual(offered, strategiesFor(scenario), `bench ${command}: ${result.stderr}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('no source file outside the registry and the builders spells a strategy name in a string literal', () => {
  const root = repoRoot();
  const literal = new RegExp(`(['"])(${ALL_STRATEGY_NAMES.join('|')})\\1`, 'g');
  const found: string[] = [];
  for (const file of ['runners', 'reports', 'scripts'].flatMap((dir) => sourceFiles(root, dir))) {
    if (OWNERS.some((owner) => file.startsWith(owner))) continue;
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const match of line.matchAll(literal))
          found.push(`${file}:${index + 1}: ${match[0]} (read it from runners/contract/strategies.ts)`);
      });
  }
  assert.deepEqual(found, []);
});
