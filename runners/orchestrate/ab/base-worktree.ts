/**
 * The base side of `bench ab --base REF`: REF checked out with `git worktree add` in a temp
 * folder, set up and built with the project's own scripts, its compiled cell entry and suites
 * used for side A. In a user's repository (base-code.ts) the worktree holds the user's code,
 * built with their --build command, and side A runs it with the running harness. Removed
 * when the run ends, on Ctrl-C or SIGTERM, and — should the CLI die between the two — by an
 * exit hook, so no worktree is left registered in the checkout.
 *
 * A kill leaves no hook to run: then the build's supervisor (cell-supervisor.ts) ends the
 * build, and the temp folder, named with the CLI's PID, tells the next run that its writer is
 * dead: it kills the build's group if it still runs, removes the folder and prunes the
 * worktree from the repository (run-leftovers.ts).
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { canSupervise, endSupervised, supervise } from '../cell-supervisor.js';
import { recordGroup, scratchPrefix } from '../run-leftovers.js';
import { DEFAULT_USER_BUILD, isInside } from './base-code.js';
import { AbInputError, git, resolveCommit } from './git.js';

export interface BaseWorktree {
  ref: string;
  commit: string;
  /** The worktree's top folder. */
  dir: string;
  /** The base's compiled cell entry. */
  cellEntry: string;
  /** How node_modules was provided: the head's linked (identical lock files) or installed. */
  modules: 'linked' | 'installed' | 'none';
  buildMs: number;
  /** The base's copy of a head file (its compiled harness or a file of the checkout); files outside the checkout are shared. */
  mapPath(headPath: string): string;
  remove(): void;
}

export interface BaseRequest {
  top: string;
  ref: string;
  /** The running harness: its package folder and the folder its compiled code lies in (dist/). */
  harnessRoot: string;
  harnessBuild: string;
  headCellEntry: string;
  /**
   * The command that builds the base, run by the shell in the worktree (null: not built).
   * Absent: `npm run build`, when the base's package.json has that script.
   */
  build?: string | null;
  /**
   * A user's repository with bench installed (base-code.ts): the base runs the running
   * harness, not one built at REF, and its build runs where `cwd` is in the worktree.
   * Absent: bench's own checkout.
   */
  user?: { cwd: string };
  signal: AbortSignal;
  log: (line: string) => void;
}

/** Lines of a failed step's log shown to the user. */
const LOG_TAIL_LINES = 20;

/** A package.json at `from` or above it, up to the worktree's top: what npm would run scripts of. */
function hasPackageJson(from: string, top: string): boolean {
  for (let dir = from; isInside(dir, top); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return true;
    if (dir === top) break;
  }
  return false;
}

const readOrNull = (path: string): string | null => (existsSync(path) ? readFileSync(path, 'utf8') : null);

interface PackageJson {
  name?: string;
  bin?: string | Record<string, string>;
  scripts?: Record<string, string>;
}

/**
 * The folder a package's compiled code lies in, from its `bench` bin: what comes before the
 * `scripts` folder (dist/scripts/cli/bench.js → dist; a base from before the CLI had its own
 * folder: dist/scripts/bench.js → dist).
 */
function buildDirOf(packageRoot: string, fallback: string): string {
  const pkg = JSON.parse(readOrNull(join(packageRoot, 'package.json')) ?? '{}') as PackageJson;
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.bench;
  if (bin === undefined) return join(packageRoot, fallback);
  const parts = bin.split('/');
  const scripts = parts.lastIndexOf('scripts');
  return join(packageRoot, scripts > 0 ? parts.slice(0, scripts).join('/') : dirname(dirname(bin)));
}

/**
 * Runs a command in its own process group under the supervisor, its output into `logPath`; an
 * abort ends the whole group. `scratch` records the group, for a next run should this one die.
 */
function runLogged(command: string, args: string[], cwd: string, logPath: string, scratch: string, signal: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const log = openSync(logPath, 'a');
    // The scratch folder is not the supervisor's to remove: the next run prunes its worktree first.
    const supervised = canSupervise() ? supervise({ command, args }, '', { what: 'build', output: log, listDir: scratch }) : undefined;
    const started = supervised?.launch ?? { command, args };
    const child = spawn(started.command, started.args, { cwd, stdio: supervised?.stdio ?? ['ignore', log, log], detached: true });
    supervised?.adopt(child); // before the 'exit' listener below: what the build left is counted before the group kill
    if (child.pid !== undefined) recordGroup(scratch, child.pid);
    const onAbort = (): void => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // ESRCH: already gone.
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      closeSync(log);
      reject(error);
    });
    // 'exit', not 'close': the supervisor's watcher holds its pipe open until the group kill.
    child.on('exit', (code, exitSignal) => {
      signal.removeEventListener('abort', onAbort);
      const left = supervised === undefined ? undefined : endSupervised(supervised, child);
      if (left !== undefined) writeSync(log, `bench: ${left}\n`);
      closeSync(log);
      resolve(code ?? (exitSignal ? 128 : 1));
    });
  });
}

/** npm's own lines after a script fails (where it ran, the log file): never the cause. */
const NPM_TRAILER = /^(npm (error|ERR!|warn|WARN)|bench: )/;

/** The build's last line of its own, for the one-line error. */
const causeLine = (tail: readonly string[]): string | undefined =>
  [...tail]
    .reverse()
    .find((line) => !NPM_TRAILER.test(line.trim()))
    ?.trim();

function logTail(logPath: string): string[] {
  const lines = (readOrNull(logPath) ?? '').split('\n').filter((line) => line.trim() !== '');
  return lines.slice(-LOG_TAIL_LINES);
}

export async function checkOutBase(request: BaseRequest): Promise<BaseWorktree> {
  const { top, ref, signal, log } = request;
  const commit = resolveCommit(top, ref);
  const short = commit.slice(0, 12);
  const temp = mkdtempSync(scratchPrefix('ab-base'));
  const dir = join(temp, 'tree');
  const modulesLink = join(dir, 'node_modules');
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    process.off('exit', remove);
    // The link first: nothing below may ever walk into the head's own node_modules.
    try {
      if (lstatSync(modulesLink).isSymbolicLink()) unlinkSync(modulesLink);
    } catch {
      // No link (installed, or the checkout never got that far).
    }
    try {
      git(top, ['worktree', 'remove', '--force', dir]);
    } catch {
      // Half-made or already gone: the folder goes below, and prune forgets it.
    }
    rmSync(temp, { recursive: true, force: true });
    try {
      git(top, ['worktree', 'prune']);
    } catch {
      // Nothing to prune.
    }
  };
  process.on('exit', remove);
  const logPath = join(temp, 'setup.log');
  const failed = (step: string, code: number): never => {
    const tail = logTail(logPath);
    log(`base: ${step} failed in the worktree of ${ref} (${short}); the log's last ${tail.length} lines:`);
    for (const line of tail) log(`  ${line}`);
    if (request.build === undefined) {
      throw new AbInputError(
        `--base ${ref}: the base failed to build (${step} exited ${code}); fix it at that commit or choose another --base`,
      );
    }
    const cause = causeLine(tail);
    throw new AbInputError(
      `--base ${ref}: the base failed to build (${step} exited ${code}${cause === undefined ? '' : `: ${cause}`}); ` +
        'fix it at that commit, choose another --base, or set the build with --build (--no-build: none)',
    );
  };

  try {
    log(`base: checking out ${ref} (${short}) in ${dir}`);
    try {
      git(top, ['worktree', 'add', '--detach', '--quiet', dir, commit]);
    } catch (error) {
      const reason = ((error as { stderr?: string }).stderr ?? String(error)).trim().split('\n')[0];
      throw new AbInputError(`--base ${ref}: git worktree add failed (${reason}); run git worktree prune, or check the checkout`);
    }
    const pkg = JSON.parse(readOrNull(join(dir, 'package.json')) ?? 'null') as PackageJson | null;
    const startedAt = performance.now();
    let modules: BaseWorktree['modules'] = 'none';
    // A user's suite imports their dependencies even where the repository has no package.json at its top.
    if ((pkg !== null || request.user !== undefined) && !signal.aborted) {
      const sameLock = readOrNull(join(top, 'package-lock.json')) === readOrNull(join(dir, 'package-lock.json'));
      if (sameLock && existsSync(join(top, 'node_modules'))) {
        // The same lock file installs the same packages: link the head's instead of minutes of npm.
        symlinkSync(join(top, 'node_modules'), modulesLink, 'dir');
        modules = 'linked';
      } else if (pkg !== null) {
        // Not `npm ci`: as scripts/setup.sh says, a lock file that lists other platforms'
        // optional binaries makes it refuse; `npm install` follows the lock and skips them.
        log(`base: package-lock.json differs from the head's: npm install in the worktree (log: ${logPath})`);
        const code = await runLogged('npm', ['install', '--no-audit', '--no-fund'], dir, logPath, temp, signal);
        if (code !== 0 && !signal.aborted) failed('npm install', code);
        modules = 'installed';
      }
    }
    if (request.build !== undefined) {
      // Where the user runs bench: a package in a subfolder builds there, as it does in the working tree.
      const from = relative(top, request.user?.cwd ?? top);
      const where = join(dir, from);
      if (request.build !== null && !existsSync(where)) {
        throw new AbInputError(
          `--base ${ref}: the folder ${from} does not exist at that commit, so the build has nowhere to run: run bench ab from a folder both have`,
        );
      }
      // The default asks npm for the package's build script, if any: no package at all has none either.
      const noPackage = request.build === DEFAULT_USER_BUILD && !hasPackageJson(where, dir);
      if (request.build !== null && !noPackage && !signal.aborted) {
        log(`base: building with "${request.build}" in ${where} (log: ${logPath})`);
        const code = await runLogged('/bin/sh', ['-c', request.build], where, logPath, temp, signal);
        if (code !== 0 && !signal.aborted) failed(`"${request.build}"`, code);
      }
    } else if (pkg?.scripts?.build !== undefined && !signal.aborted) {
      const code = await runLogged('npm', ['run', 'build'], dir, logPath, temp, signal);
      if (code !== 0 && !signal.aborted) failed('npm run build', code);
    }
    const buildMs = performance.now() - startedAt;

    if (request.user !== undefined) {
      // The running harness on both sides: only the user's files come from the worktree.
      const userMapPath = (headPath: string): string => {
        const path = existsSync(headPath) ? realpathSync(headPath) : headPath;
        return isInside(path, top) ? join(dir, relative(top, path)) : headPath;
      };
      return { ref, commit, dir, cellEntry: request.headCellEntry, modules, buildMs, mapPath: userMapPath, remove };
    }
    // The harness inside the worktree: the checkout itself, or the bench package a project installs.
    const baseHarnessRoot = isInside(request.harnessRoot, top) ? join(dir, relative(top, request.harnessRoot)) : request.harnessRoot;
    const baseBuild = buildDirOf(baseHarnessRoot, relative(request.harnessRoot, request.harnessBuild));
    const cellEntry = join(baseBuild, relative(request.harnessBuild, request.headCellEntry));
    if (!signal.aborted && !existsSync(cellEntry)) {
      throw new AbInputError(
        `--base ${ref}: its build has no cell entry at ${relative(dir, cellEntry)} (a commit from before this layout?); choose a later --base`,
      );
    }
    const mapPath = (headPath: string): string => {
      if (isInside(headPath, request.harnessBuild)) return join(baseBuild, relative(request.harnessBuild, headPath));
      if (isInside(headPath, top)) return join(dir, relative(top, headPath));
      return headPath;
    };
    return { ref, commit, dir, cellEntry, modules, buildMs, mapPath, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
