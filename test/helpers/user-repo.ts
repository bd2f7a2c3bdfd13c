/**
 * A user's project for `bench ab --base` in the user's repository: a git repository in a temp
 * folder with its own module (src/lib.mjs, built into dist/ by the project's `npm run build`,
 * which git ignores, so side A only finds it if the base is built), a suite file
 * bench/x.bench.mjs that imports it, and node_modules/bench linked to this project, as an
 * install would leave it. The CLI runs by its path with the repository as its cwd: the cwd's
 * repository is not bench's own.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../fixtures/paths.js';
import { CLI, type CliResult } from './cli.js';
import { tempDir } from './temp-dirs.js';

/** Why these tests cannot run here (git missing), or false. */
export const GIT_MISSING = ((): string | false => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return false;
  } catch {
    return 'git is not installed';
  }
})();

/** The iterations of xorshift per task: about 0.3 ms, so a round's phases hold hundreds of tasks. */
const ITERATIONS = 300_000;

/**
 * The project's function: `factor` times the work (1: as committed first). `note` changes the
 * file without changing what it does (a comment).
 */
export const libSource = (
  factor = 1,
  note = '',
): string => `${note === '' ? '' : `// ${note}\n`}/** xorshift32 steps: integer work the JIT cannot fold away. */
export function churn(iterations, seed) {
  let x = seed | 0 || 1;
  const steps = Math.round(iterations * ${factor});
  for (let i = 0; i < steps; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  return x >>> 0;
}
`;

const SUITE = `import { churn } from '../dist/lib.mjs';

export default {
  name: 'user-churn',
  description: "the project's own churn()",
  defaultSize: ${ITERATIONS},
  sizes: [${ITERATIONS}],
  makeInput: (size, seed) => ({ iterations: size, seed: seed + 1 }),
  run: (input) => churn(input.iterations, input.seed),
  verify: (input, output) => output === churn(input.iterations, input.seed),
};
`;

/** The project's build: src/ → dist/, as a compiler would. */
const BUILD = `import { copyFileSync, mkdirSync } from 'node:fs';
mkdirSync('dist', { recursive: true });
copyFileSync('src/lib.mjs', 'dist/lib.mjs');
`;

export interface UserRepo {
  dir: string;
  git: (...args: string[]) => string;
  /** Writes files (path → text) relative to the repository. */
  write: (files: Record<string, string>) => void;
  /** Commits everything with this message. */
  commit: (message: string) => void;
  /** The working tree's build, as the user (or CI) runs it before bench ab. */
  build: () => void;
}

export function makeUserRepo(files: Record<string, string> = {}): UserRepo {
  const dir = tempDir('bench-ab-user-repo-');
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  git('init', '--quiet');
  git('config', 'user.name', 'bench test');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'commit.gpgsign', 'false');
  const write = (more: Record<string, string>): void => {
    for (const [path, text] of Object.entries(more)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };
  write({
    'package.json': `${JSON.stringify(
      { name: 'my-project', private: true, type: 'module', scripts: { build: 'node build.mjs' }, devDependencies: { bench: '*' } },
      null,
      2,
    )}\n`,
    '.gitignore': 'node_modules/\ndist/\nresults/\n',
    'build.mjs': BUILD,
    'src/lib.mjs': libSource(),
    'bench/x.bench.mjs': SUITE,
    ...files,
  });
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(repoRoot(), join(dir, 'node_modules', 'bench'), 'dir');
  return {
    dir,
    git,
    write,
    commit: (message) => {
      git('add', '--all');
      git('commit', '--quiet', '-m', message);
    },
    build: () => {
      execFileSync(process.execPath, ['build.mjs'], { cwd: dir, stdio: 'ignore' });
    },
  };
}

/** `bench …` with the repository as the cwd. */
export function benchIn(dir: string, args: string[]): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
