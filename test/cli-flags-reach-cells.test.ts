/**
 * A flag a command accepts must reach what it claims to set (flags.ts REACHES): the results
 * file's `config` and, for the commands that start cells, every cell's spec. `bench ab
 * --phases` was once accepted and recorded but never passed to a round; this sets every such
 * flag on every command that lists it, with the fake cell (test/fixtures/fake-cell-entry.ts)
 * standing in for the measurement, and finds each value where it belongs.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CellSpec } from '../runners/contract/protocol.js';
import { REACHES } from '../scripts/cli/flags.js';
import { readResults, runCli, tempDir } from './helpers/cli.js';
import { helpFlags } from './helpers/help-flags.js';

const FAKE_CELL = fileURLToPath(new URL('./fixtures/fake-cell-entry.js', import.meta.url));

/** A value for each flag that no command defaults to, and where it must be found. */
const SAMPLES: Record<keyof typeof REACHES, { value?: string; config: unknown; spec?: (spec: CellSpec) => unknown }> = {
  size: { value: '2k', config: { echo: 2048 }, spec: (spec) => spec.size === 2048 },
  strategies: {
    value: 'main-thread,worker-pool',
    config: ['main-thread', 'worker-pool'],
    spec: (spec) => spec.strategy === 'main-thread' || spec.strategy === 'worker-pool',
  },
  transport: { value: 'clone', config: ['clone'], spec: (spec) => spec.strategy !== 'worker-pool' || spec.transport === 'clone' },
  workers: { value: '3', config: 3, spec: (spec) => spec.strategy !== 'worker-pool' || spec.workers === 3 },
  'phase-time': { value: '40', config: 40, spec: (spec) => spec.phaseMs === 40 },
  'cell-timeout': { value: '33', config: 33_000 },
  'worker-nice': { value: '3', config: 3, spec: (spec) => spec.workerNice === 3 },
  'in-flight-per-worker': { value: '3', config: 3, spec: (spec) => spec.inFlightPerWorker === 3 },
  'max-heap': { value: '300', config: 300, spec: (spec) => spec.thread.heapMb === 300 },
  seed: { value: '7', config: 7, spec: (spec) => spec.seed === 7 },
  phases: { config: true, spec: (spec) => spec.phases === true },
  rounds: { value: '1', config: 1 },
  'disturbed-above': { value: '7%', config: 0.07 },
};

/** Each command that starts cells, with what it needs besides the flags under test. */
const COMMANDS: Array<{ command: string[]; base: string[]; startsCells: boolean }> = [
  { command: ['run'], base: ['--suite', 'echo'], startsCells: true },
  { command: ['study', 'size'], base: ['--suite', 'echo', '--sizes', '1k,2k'], startsCells: true },
  { command: ['study', 'workers'], base: ['--suite', 'echo', '--workers-list', '1,3'], startsCells: true },
  { command: ['study', 'payload'], base: ['--sizes', '1k,2k'], startsCells: true },
  { command: ['ab'], base: ['--aa', '--suite', 'echo', '--max-rounds', '8'], startsCells: true },
  { command: ['http'], base: ['--suite', 'echo', '--duration', '0.5', '--warmup', '0', '--connections', '2'], startsCells: false },
];

for (const { command, base, startsCells } of COMMANDS) {
  test(`bench ${command.join(' ')}: every flag it accepts reaches the config and the cells`, async () => {
    const accepted = [...(await helpFlags(command)).keys()].filter((flag): flag is keyof typeof REACHES => flag in REACHES);
    // A flag the base arguments already set for the command's own needs is tested by another command.
    const tested = accepted.filter((flag) => !base.includes(`--${flag}`));
    assert.ok(tested.length >= 5, `bench ${command.join(' ')} lists only ${tested.join(', ')}`);
    const args = tested.flatMap((flag) => {
      const { value } = SAMPLES[flag];
      return value === undefined ? [`--${flag}`] : [`--${flag}`, value];
    });
    const out = await tempDir('bench-flags-reach-');
    const specs = await tempDir('bench-flags-specs-');
    const { code, stderr } = await runCli([...command, ...base, ...args, '--no-report', '--out', out], {
      BENCH_CELL_ENTRY: FAKE_CELL,
      BENCH_FAKE_CELL_SPECS: specs,
    });
    assert.equal(code, 0, stderr);
    const { config } = readResults(out);
    const received = readdirSync(specs).map((name) => JSON.parse(readFileSync(join(specs, name), 'utf8')) as CellSpec);
    if (startsCells) assert.ok(received.length > 0, 'the fake cell recorded no spec');

    const missed: string[] = [];
    for (const flag of tested) {
      const reach: { config?: keyof typeof config; spec?: keyof CellSpec } = REACHES[flag];
      const sample = SAMPLES[flag];
      const recorded = reach.config === undefined ? undefined : config[reach.config];
      if (reach.config !== undefined && JSON.stringify(recorded) !== JSON.stringify(sample.config)) {
        missed.push(`--${flag}: config.${reach.config} is ${JSON.stringify(recorded)}, expected ${JSON.stringify(sample.config)}`);
      }
      const check = sample.spec;
      if (startsCells && reach.spec !== undefined && check !== undefined) {
        const wrong = received.find((spec) => !check(spec));
        if (wrong) missed.push(`--${flag}: a cell spec has ${reach.spec} = ${JSON.stringify(wrong[reach.spec])}`);
      }
    }
    assert.deepEqual(missed, []);
  });
}
