/**
 * A run's fingerprint: what must be equal for absolute figures of two runs to be
 * comparable (CPU model, core count, runtime name and version). Everything else in the
 * context (host name, load, commit) may differ between a baseline and a new run.
 */
import { createHash } from 'node:crypto';
import type { RunContext } from '../runners/results.js';

export interface Fingerprint {
  cpuModel: string;
  cores: number;
  runtime: string;
  runtimeVersion: string;
}

export function fingerprintOf(context: RunContext): Fingerprint {
  return { cpuModel: context.cpu.model, cores: context.cpu.cores, runtime: context.runtime.name, runtimeVersion: context.runtime.version };
}

const slug = (text: string): string => text.toLowerCase().replace(/\(r\)|\(tm\)/g, '').replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');

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
 * The fingerprint id of a whole results file: its one context's, or for a merged file of
 * several machines `merged-<n>-<hash>` over all of them (the same set gives the same id).
 */
export function runFingerprintId(contexts: Iterable<RunContext>): string {
  const ids = [...new Set([...contexts].map((context) => fingerprintId(fingerprintOf(context))))].sort();
  if (ids.length === 1) return ids[0]!;
  return `merged-${ids.length}-${createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 8)}`;
}
