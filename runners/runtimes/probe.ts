import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RuntimeProbe } from '../contract/capabilities.js';
import { launchCommand } from './launch.js';
import type { RuntimeInstall } from './locate.js';

const PROBE_ENTRY = fileURLToPath(new URL('./probe-entry.js', import.meta.url));
const PROBE_TIMEOUT_MS = 60_000;

/** Runs the capability probe inside `runtime` (with the permissions a forking cell, or a peer pool's, gets). */
export function probeRuntime(runtime: RuntimeInstall): Promise<RuntimeProbe> {
  const { command, args } = launchCommand(runtime, PROBE_ENTRY, [], { readDirs: [], forks: true, setsPriority: false, readsCpus: true });
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: PROBE_TIMEOUT_MS, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        const found = JSON.parse(line) as Omit<RuntimeProbe, 'runtime' | 'version' | 'path'>;
        resolve({ runtime: runtime.name, version: runtime.version, path: runtime.path, ...found });
      } catch {
        const why = error?.message.split('\n')[0] ?? 'no result';
        reject(
          new Error(
            `the capability probe failed on ${runtime.name} ${runtime.version}: ${why}${stderr ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`,
          ),
        );
      }
    });
  });
}
