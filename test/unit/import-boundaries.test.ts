/**
 * The rooms of the layout, enforced: every relative import in the sources is checked
 * against the rule of the room it is written in. A room's rule says which rooms it may
 * import from; the test names each import that breaks one, with its file and line.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../fixtures/paths.js';

interface Room {
  /** Path prefix of the room, relative to the repository root. */
  prefix: string;
  /** Rooms this room may import from (its own is always allowed). */
  mayImport: string[];
  why: string;
}

/** Code that runs inside a cell, a worker, a child or the HTTP server process. */
const IN_PROCESS = [
  'suites/',
  'runners/contract/',
  'runners/common/',
  'runners/cell/',
  'runners/transports/',
  'runners/executors/',
  'runners/strategies/',
];

// Longest prefix wins, so a nested room's rule overrides its parent's.
const ROOMS: Room[] = [
  { prefix: 'suites/', mayImport: [], why: 'workloads import nothing of ours' },
  { prefix: 'runners/contract/', mayImport: ['suites/'], why: 'the contract imports nothing above it' },
  { prefix: 'runners/common/', mayImport: ['suites/', 'runners/contract/'], why: 'pure helpers serve every room' },
  { prefix: 'runners/cell/', mayImport: IN_PROCESS, why: 'cell code never imports CLI-side code' },
  { prefix: 'runners/transports/', mayImport: IN_PROCESS, why: 'transport ends run in cells, workers and children' },
  { prefix: 'runners/executors/', mayImport: IN_PROCESS, why: 'executors run in the cell' },
  { prefix: 'runners/strategies/', mayImport: IN_PROCESS, why: 'strategies are built in the cell' },
  { prefix: 'runners/http/server/', mayImport: IN_PROCESS, why: 'the server process is a cell of its own' },
  {
    prefix: 'runners/runtimes/',
    mayImport: [...IN_PROCESS, 'runners/runtimes/'],
    why: 'the probe runs inside the runtime under test; locate and launch are read by the CLI',
  },
  {
    prefix: 'runners/orchestrate/',
    mayImport: ['suites/', 'runners/contract/', 'runners/common/', 'runners/runtimes/', 'runners/http/harness/', 'reports/decide/'],
    why: 'the CLI side reaches cells only through the processes it spawns, and decides through reports/decide',
  },
  {
    prefix: 'runners/http/harness/',
    mayImport: ['suites/', 'runners/contract/', 'runners/common/', 'runners/runtimes/', 'runners/orchestrate/'],
    why: 'the HTTP harness runs in the CLI and spawns the server',
  },
  { prefix: 'reports/', mayImport: ['runners/contract/', 'runners/common/'], why: 'reports read only results' },
  {
    prefix: 'reports/decide/',
    mayImport: ['runners/contract/', 'runners/common/', 'reports/format/', 'reports/cell-context.js'],
    why: 'the code that decides (compare, A/B, studies, the answer) draws nothing, so the run loop may use it',
  },
  {
    prefix: 'reports/format/',
    mayImport: ['runners/contract/', 'runners/common/', 'reports/decide/'],
    why: 'the words and numbers every rendering shares',
  },
  { prefix: 'scripts/cli/', mayImport: ['suites/', 'runners/', 'reports/', 'scripts/api/'], why: 'the CLI may use everything' },
  {
    prefix: 'scripts/api/',
    mayImport: [
      'suites/',
      'runners/',
      'reports/',
      'scripts/cli/options/',
      'scripts/cli/parse/',
      'scripts/cli/flags.js',
      'scripts/cli/output-paths.js',
      'scripts/cli/usage-error.js',
    ],
    why: "the package's API checks options as the CLI does, and prints or exits nothing of its own",
  },
  {
    prefix: 'scripts/benchmarks/',
    mayImport: ['suites/', 'runners/', 'reports/', 'scripts/cli/parse/', 'scripts/cli/usage-error.js', 'scripts/cli/bench.js'],
    why: "the tool's own benchmarks start the CLI (or a server) as a process and read what it prints",
  },
];

const roomOf = (path: string): Room | undefined =>
  ROOMS.filter((room) => path.startsWith(room.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(root, path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// `from '…'`, `import('…')` and `new URL('…', import.meta.url)`: every way a file names another.
const SPECIFIER = /(from\s+|import\(\s*|new URL\(\s*)'(\.{1,2}\/[^'$]*)'/g;

/** A URL of an entry file names a process to start, not code to load: any room may spawn one. */
const spawnsEntry = (lead: string, target: string): boolean => lead.startsWith('new URL') && /-entry\.js$/.test(target);

test('every relative import stays inside what its room may import', () => {
  const root = repoRoot();
  const broken: string[] = [];
  let checked = 0;
  for (const file of ['suites', 'runners', 'reports', 'scripts'].flatMap((dir) => sourceFiles(root, dir))) {
    const room = roomOf(file);
    assert.ok(room, `${file} lies in no room of the layout: add it to ROOMS`);
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      for (const match of line.matchAll(SPECIFIER)) {
        const target = relative(root, resolve(root, dirname(file), match[2] ?? ''));
        // A URL of the repository root or node_modules names no room.
        if (!/^(suites|runners|reports|scripts)\//.test(target)) continue;
        checked += 1;
        const allowed =
          spawnsEntry(match[1] ?? '', target) ||
          target.startsWith(room.prefix) ||
          room.mayImport.some((prefix) => target.startsWith(prefix));
        if (!allowed) broken.push(`${file}:${index + 1} imports ${target} (${room.prefix}: ${room.why})`);
      }
    });
  }
  assert.ok(checked > 100, `only ${checked} imports found: the pattern no longer matches the sources`);
  assert.deepEqual(broken, []);
});
