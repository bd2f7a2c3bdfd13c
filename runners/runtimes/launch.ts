/**
 * The command line that starts a cell (or the probe) in a runtime. Deno gets the
 * narrowest permissions the cell needs: read the project and the suite, write its
 * outcome, and — only for strategies that fork — run itself with the environment.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeModulesDirs } from '../common/node-modules-dirs.js';
import type { RuntimeInstall } from './locate.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/**
 * What the cell reads besides its own files: the dependencies its imports resolve to, which
 * in a user's project lie beside bench in the project's node_modules, outside PROJECT_ROOT.
 */
const DEPENDENCY_DIRS = nodeModulesDirs(import.meta.url).filter((dir) => !dir.startsWith(PROJECT_ROOT));

export interface LaunchNeeds {
  /** Directories the cell reads besides the project (e.g. a user suite's folder). */
  readDirs: string[];
  /** Directory the cell writes its outcome into. */
  writeDir?: string;
  /** The cell forks child processes. */
  forks: boolean;
  /** The cell lowers its workers' priority. */
  setsPriority: boolean;
  /** The cell runs a peer pool: poolifier and tinypool read os.cpus() (Deno: --allow-sys=cpus). */
  readsCpus?: boolean;
  /**
   * --max-heap: the cell's own old-generation limit, MiB. Node: --max-old-space-size; Deno:
   * the same through --v8-flags, which also bounds each worker's heap (transports/thread.ts).
   * Bun has no heap limit (1.4.5 ignores --max-old-space-size; --smol and BUN_JSC_forceRAMSize
   * only make it collect sooner): the CLI's memory watchdog bounds its cells instead
   * (orchestrate/rss-watchdog.ts).
   */
  heapMb?: number;
  /** The cell reads /proc for its CPU accounting (Deno: --allow-read=/proc). */
  readsProc?: boolean;
  /** An HTTP server: it listens on 127.0.0.1, and only there (Deno: --allow-net=127.0.0.1). */
  listens?: boolean;
  /**
   * Several server processes listen on one port (the cluster strategy off Node): Deno's
   * `reusePort` is still unstable (2.9.6), behind --unstable-net.
   */
  sharesPort?: boolean;
}

export interface Launch {
  command: string;
  args: string[];
}

/** Folders to read for a suite URL: a user suite may import files beside it. */
export function suiteReadDirs(suiteUrl: string): string[] {
  return suiteUrl.startsWith('file:') ? [dirname(fileURLToPath(suiteUrl))] : [];
}

export function launchCommand(runtime: RuntimeInstall, entry: string, args: string[], needs: LaunchNeeds): Launch {
  switch (runtime.name) {
    case 'node':
      return {
        command: runtime.path,
        args: [...(needs.heapMb === undefined ? [] : [`--max-old-space-size=${needs.heapMb}`]), entry, ...args],
      };
    case 'bun':
      // No heap flag: see LaunchNeeds.heapMb.
      return { command: runtime.path, args: [entry, ...args] };
    case 'bun-smol':
      // --smol shrinks the cell's heap and that of the children it forks with the same flags.
      return { command: runtime.path, args: ['--smol', entry, ...args] };
    case 'deno': {
      // Environment access for every cell: a suite that reads its knobs from the environment
      // must run under every strategy, not only those that fork (they need it anyway).
      // /proc: the cell's CPU accounting reads its own and its children's scheduler statistics (cell/cpu-account.ts).
      const reads = [PROJECT_ROOT, ...DEPENDENCY_DIRS, ...needs.readDirs, ...(needs.readsProc ? ['/proc'] : [])];
      const flags = ['run', '--no-prompt', '--allow-env', `--allow-read=${reads.join(',')}`];
      if (needs.writeDir) flags.push(`--allow-write=${needs.writeDir}`);
      if (needs.listens) flags.push('--allow-net=127.0.0.1');
      if (needs.sharesPort) flags.push('--unstable-net');
      if (needs.forks) flags.push(`--allow-run=${runtime.path}`);
      const sys = [...(needs.setsPriority ? ['getPriority', 'setPriority'] : []), ...(needs.readsCpus ? ['cpus'] : [])];
      if (sys.length > 0) flags.push(`--allow-sys=${sys.join(',')}`);
      if (needs.heapMb !== undefined) flags.push(`--v8-flags=--max-old-space-size=${needs.heapMb}`);
      return { command: runtime.path, args: [...flags, entry, ...args] };
    }
  }
}
