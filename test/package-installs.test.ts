/**
 * bench installs into anyone's project: `npm pack` ships the compiled CLI and nothing of the
 * tests; the tarball installs offline into a fresh project (from the npm cache that
 * scripts/setup.sh filled); there `npx bench run` measures the project's own suite file and
 * `npx bench report` re-renders it, both writing under the project's results/, not inside
 * node_modules. The project refuses canvas's install script, as npm's allowScripts policy
 * does in a user's project: the run and the HTML report must not need it (and the test saves
 * the ~50 s canvas takes to build from source here).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './fixtures/paths.js';
import { tempDir } from './helpers/cli.js';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/**
 * The environment of a user's shell. Under `npm test` npm exports its own state for bench's
 * package (npm_package_*, npm_lifecycle_*, its local prefix, an `npm exec` call…), which
 * would point the npm run here back at this repository; only where npm's configuration and
 * cache live is kept.
 */
const KEPT_NPM = /^npm_config_(cache|userconfig|globalconfig|registry)$/i;
const userEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries({ ...process.env, CI: 'true' }).filter(([name]) => !/^(npm_|INIT_CWD$)/i.test(name) || KEPT_NPM.test(name)),
  );

function run(command: string, args: string[], cwd: string): Promise<Ran> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  });
}

const npmMissing = spawnSync('npm', ['--version'], { stdio: 'ignore' }).error !== undefined;

const SUITE = `export default {
  name: 'x',
  description: 'sums the integers below n',
  defaultSize: 20000,
  sizes: [2000, 20000],
  makeInput(size) { return { n: size }; },
  run(input) { let sum = 0; for (let i = 0; i < input.n; i++) sum += i; return sum; },
  verify(input, output) { return output === (input.n * (input.n - 1)) / 2; },
};
`;

test('the packed tarball installs offline into a fresh project, where bench run and bench report work', {
  skip: npmMissing && 'npm is not installed: the test packs and installs bench with it',
  timeout: 240_000,
}, async (t) => {
  const top = tempDir('bench-package-');
  const project = join(top, 'project');

  // --ignore-scripts: the tests run from a fresh build, and `prepare` would rebuild dist/
  // under the test files that other test processes are reading.
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', top], repoRoot());
  assert.equal(pack.code, 0, pack.stderr);
  const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; entryCount: number; files: Array<{ path: string }> }>;
  assert.ok(packed, pack.stdout);
  const paths = packed.files.map((file) => file.path);
  for (const needed of [
    'package.json',
    'README.md',
    'dist/scripts/cli/bench.js',
    'dist/runners/cell/cell-entry.js',
    'dist/suites/fib.js',
  ]) {
    assert.ok(paths.includes(needed), `the package holds ${needed}`);
  }
  assert.ok(paths.includes('dist/suites/suite.d.ts'), 'the package holds the suite contract types');
  assert.deepEqual(
    paths.filter((path) => /^(dist\/)?test\/|\/fixtures\/|^dist\/scripts\/benchmarks\//.test(path)),
    [],
    'no tests, fixtures or benchmarks in the package',
  );

  mkdirSync(project);
  const init = await run('npm', ['init', '-y'], project);
  assert.equal(init.code, 0, init.stderr);
  const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ ...manifest, allowScripts: { canvas: false } }, null, 2));

  const install = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(top, packed.filename)], project);
  assert.equal(install.code, 0, `${install.stderr}\n(a package missing from the npm cache: run bash scripts/setup.sh, which fills it)`);
  assert.ok(existsSync(join(project, 'node_modules', '.bin', 'bench')), 'the bench bin is linked');

  writeFileSync(join(project, 'x.mjs'), SUITE);
  // --disturbed-above 100%: a round redone for another program's load would only lengthen the test.
  const measure = await run(
    'npx',
    ['bench', 'run', '--suite', './x.mjs', '--quick', '--strategies', 'main-thread,worker-pool', '--disturbed-above', '100%'],
    project,
  );
  assert.equal(measure.code, 0, measure.stderr);
  const results = join(project, 'results');
  const [resultsFile, ...more] = readdirSync(results).filter((name) => name.endsWith('.json'));
  assert.ok(
    resultsFile !== undefined && more.length === 0,
    `one results file in the project's results/: ${readdirSync(results).join(', ')}`,
  );
  assert.equal(existsSync(join(project, 'node_modules', 'bench', 'results')), false, 'nothing written inside node_modules');
  assert.match(measure.stderr, /^PNG charts skipped: canvas does not load here .*; to enable them: npm rebuild canvas/m);

  const html = join(results, resultsFile.replace(/\.json$/, '.html'));
  rmSync(html);
  const report = await run('npx', ['bench', 'report', join('results', resultsFile)], project);
  assert.equal(report.code, 0, report.stderr);
  assert.equal(existsSync(html), true, 'bench report wrote the HTML report beside the results file');

  t.diagnostic(
    `pack ${pack.seconds.toFixed(1)} s (${packed.entryCount} files), install ${install.seconds.toFixed(1)} s, ` +
      `run ${measure.seconds.toFixed(1)} s, report ${report.seconds.toFixed(1)} s`,
  );
});
