import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { RunContext } from '../contract/results.js';
import type { RuntimeProbe } from '../contract/capabilities.js';
import { peerPackagesOf } from '../contract/strategies.js';
import { peerVersions } from './peer-versions.js';

/** Environment variables known to change timings; recorded so runs can be compared fairly. */
const TIMING_ENV = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS', 'UV_THREADPOOL_SIZE', 'NODE_V8_COVERAGE', 'NODE_DEBUG'];

const REPO_ROOT = new URL('../../../', import.meta.url);

function gitCommit(): string | null {
  try {
    return (
      execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() || null
    );
  } catch {
    return null;
  }
}

export function harnessVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('package.json', REPO_ROOT), 'utf8')) as { version: string };
  return pkg.version;
}

/** Package → installed version of the peer pools the run measured (optional: absent when it measured none). */
export interface PeerContext {
  peers?: Record<string, string>;
}

/** `probes`: the capability probe of every runtime the run uses; `strategies`: those it measures. */
export function collectContext(
  commandLine: string[],
  probes: RuntimeProbe[] = [],
  strategies: readonly string[] = [],
): RunContext & PeerContext {
  const peers = peerVersions(peerPackagesOf(strategies));
  const timingEnv: Record<string, string> = {};
  for (const name of TIMING_ENV) {
    const value = process.env[name];
    if (value) timingEnv[name] = value;
  }
  return {
    runtime: { name: 'node', version: process.versions.node },
    os: { platform: process.platform, release: os.release(), arch: process.arch },
    cpu: { model: os.cpus()[0]?.model.trim() ?? 'unknown', cores: os.availableParallelism() },
    memoryBytes: os.totalmem(),
    hostname: os.hostname(),
    commit: gitCommit(),
    harnessVersion: harnessVersion(),
    loadAverage1m: os.loadavg()[0] ?? 0,
    timingEnv,
    commandLine,
    runtimes: Object.fromEntries(probes.map((probe) => [probe.runtime, probe])),
    ...(Object.keys(peers).length > 0 ? { peers } : {}),
  };
}
