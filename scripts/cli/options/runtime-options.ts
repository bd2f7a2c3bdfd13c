/**
 * --runtime / --bun / --deno / --bun-smol → located, probed runtime targets. A missing
 * runtime is a usage error (exit 2), or, with --keep-going when several are asked for,
 * a target whose cells are skipped with the reason.
 */
import type { RuntimeName } from '../../../runners/contract/results.js';
import type { RuntimeTarget } from '../../../runners/orchestrate/run.js';
import { locateRuntime } from '../../../runners/runtimes/locate.js';
import { probeRuntime } from '../../../runners/runtimes/probe.js';
import { UsageError, isUsageError } from '../usage-error.js';
import { errorMessage } from '../../../runners/common/error-message.js';
import { listOf } from '../parse/values.js';

export interface RawRuntimeOptions {
  runtime: string;
  bun?: string;
  deno?: string;
  bunSmol: boolean;
  keepGoing: boolean;
}

const CHOOSABLE: readonly RuntimeName[] = ['node', 'bun', 'deno'];

export function parseRuntimes(raw: RawRuntimeOptions): RuntimeName[] {
  const names = listOf(raw.runtime);
  if (names.length === 0) throw new UsageError(`--runtime is empty: give a comma-separated list of ${CHOOSABLE.join(', ')}`);
  const unknown = names.find((name) => !CHOOSABLE.includes(name as RuntimeName));
  if (unknown) throw new UsageError(`unknown runtime "${unknown}" in --runtime: choose from ${CHOOSABLE.join(', ')}`);
  const runtimes = [...new Set(names)] as RuntimeName[];
  if (raw.bunSmol) {
    if (!runtimes.includes('bun'))
      throw new UsageError('--bun-smol adds a variant of bun: add bun to --runtime (e.g. --runtime bun --bun-smol)');
    runtimes.splice(runtimes.indexOf('bun') + 1, 0, 'bun-smol');
  }
  return runtimes;
}

export async function resolveRuntimes(raw: RawRuntimeOptions, warn: (line: string) => void): Promise<RuntimeTarget[]> {
  const names = parseRuntimes(raw);
  const overrides = { ...(raw.bun !== undefined ? { bun: raw.bun } : {}), ...(raw.deno !== undefined ? { deno: raw.deno } : {}) };
  const targets: RuntimeTarget[] = [];
  for (const name of names) {
    try {
      const install = locateRuntime(name, overrides);
      targets.push({ name, install, probe: await probeRuntime(install) });
    } catch (error) {
      const message = errorMessage(error);
      // One missing runtime among several need not sink the run, if the user said so.
      if (!(raw.keepGoing && names.length > 1)) throw isUsageError(error) ? error : new UsageError(message);
      warn(`warning: ${message}; its cells are skipped (--keep-going)`);
      targets.push({ name, missing: message });
    }
  }
  return targets;
}
