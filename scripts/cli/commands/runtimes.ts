import type { Argv, CommandModule } from 'yargs';
import { CAPABILITIES, CAPABILITY_NAMES, type RuntimeProbe } from '../../../runners/contract/capabilities.js';
import { locateRuntime, type Binary } from '../../../runners/runtimes/locate.js';
import { probeRuntime } from '../../../runners/runtimes/probe.js';
import { errorMessage } from '../../../runners/common/error-message.js';
import { formatDuration } from '../../../runners/common/format-duration.js';
import { flags, type ArgsOf } from '../flags.js';

type Found = { runtime: Binary; probe: RuntimeProbe } | { runtime: Binary; missing: string };

function describe(found: Found): string {
  if ('missing' in found) return `${found.runtime}: not available — ${found.missing}`;
  const { probe } = found;
  const starts = Object.entries(probe.workerStartMs)
    .map(([api, ms]) => `${api} ${formatDuration(ms)}`)
    .join(', ');
  const lines = [
    `${found.runtime} ${probe.version}  (${probe.path})`,
    `  worker start: ${starts || '—'} → cells use ${probe.threadApi}; fork → first IPC message: ${formatDuration(probe.forkStartMs)}`,
    ...CAPABILITY_NAMES.map(
      (name) =>
        `  ${probe.capabilities[name] ? '✓' : '✗'} ${CAPABILITIES[name]}${probe.failures[name] ? ` (${probe.failures[name]})` : ''}`,
    ),
  ];
  return lines.join('\n');
}

const builder = (yargs: Argv) => yargs.options(flags('bun', 'deno', 'json'));

export const runtimesCommand: CommandModule<object, ArgsOf<typeof builder>> = {
  command: 'runtimes',
  describe: 'which runtimes are found, their versions, and what each supports',
  builder,
  handler: async (args) => {
    const overrides = { ...(args.bun !== undefined ? { bun: args.bun } : {}), ...(args.deno !== undefined ? { deno: args.deno } : {}) };
    const found: Found[] = [];
    for (const runtime of ['node', 'bun', 'deno'] as const) {
      try {
        found.push({ runtime, probe: await probeRuntime(locateRuntime(runtime, overrides)) });
      } catch (error) {
        // A path the user gave that is not an executable is their mistake to fix (exit 2).
        if (overrides[runtime as 'bun' | 'deno'] !== undefined) throw error;
        found.push({ runtime, missing: errorMessage(error) });
      }
    }
    process.stdout.write(args.json ? `${JSON.stringify(found, null, 2)}\n` : `${found.map(describe).join('\n\n')}\n`);
  },
};
