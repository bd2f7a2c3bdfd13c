/**
 * A cell's fingerprint: what must be equal for absolute figures of two runs to be
 * comparable (CPU model, core count, the name and version of the runtime that hosted the
 * cell). Everything else in the context (host name, load, commit) may differ between a
 * baseline and a new run.
 */
import { createHash } from 'node:crypto';
import type { RunContext, RunResult } from '../../../runners/contract/results.js';
import { contextOf } from '../../cell-context.js';

export interface Fingerprint {
  cpuModel: string;
  cores: number;
  runtime: string;
  runtimeVersion: string;
}

/**
 * `runtime`: the cell's host runtime, whose version the run's probe recorded in
 * `context.runtimes` (a Bun upgrade must make Bun cells incomparable, though the CLI's Node
 * is unchanged). Without it, or in files from before runtimes, the CLI's Node.
 */
export function fingerprintOf(context: RunContext, runtime?: string): Fingerprint {
  const host = runtime === undefined ? undefined : context.runtimes?.[runtime];
  return {
    cpuModel: context.cpu.model,
    cores: context.cpu.cores,
    runtime: host ? runtime! : context.runtime.name,
    runtimeVersion: host ? host.version : context.runtime.version,
  };
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\(r\)|\(tm\)/g, '')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * A file-name-safe id such as `node-20.20.2-2c-amd-epyc-7b13-64-core-processor-3f2a9c1e`:
 * readable, and the hash of the exact fields keeps two CPU models that slug alike apart.
 */
export function fingerprintId(fingerprint: Fingerprint): string {
  const exact = JSON.stringify([fingerprint.cpuModel, fingerprint.cores, fingerprint.runtime, fingerprint.runtimeVersion]);
  const hash = createHash('sha256').update(exact).digest('hex').slice(0, 8);
  const readable = slug(`${fingerprint.runtime}-${fingerprint.runtimeVersion}-${fingerprint.cores}c-${fingerprint.cpuModel}`).slice(0, 80);
  return `${readable}-${hash}`;
}

/** What differs between two fingerprints, in words; undefined when they are the same. */
export function fingerprintDifference(a: Fingerprint, b: Fingerprint): string | undefined {
  const differences: string[] = [];
  if (a.cpuModel !== b.cpuModel) differences.push(`CPU ${a.cpuModel} vs ${b.cpuModel}`);
  if (a.cores !== b.cores) differences.push(`${a.cores} vs ${b.cores} cores`);
  if (a.runtime !== b.runtime || a.runtimeVersion !== b.runtimeVersion) {
    differences.push(`${a.runtime} ${a.runtimeVersion} vs ${b.runtime} ${b.runtimeVersion}`);
  }
  return differences.length > 0 ? differences.join(', ') : undefined;
}

/**
 * The fingerprint id of a whole results file: that of all its cells when they share one,
 * or, for a file of several runtimes or machines (merged), `multi-<n>-<hash>` over all
 * of them (the same set gives the same id).
 */
export function runFingerprintId(run: RunResult): string {
  const all = run.cells.map((cell) => fingerprintId(fingerprintOf(contextOf(run, cell), cell.runtime)));
  const ids = [...new Set(all.length > 0 ? all : [fingerprintId(fingerprintOf(run.context))])].sort();
  if (ids.length === 1) return ids[0]!;
  return `multi-${ids.length}-${createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 8)}`;
}
