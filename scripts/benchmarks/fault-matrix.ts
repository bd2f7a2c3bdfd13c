/**
 * `node dist/scripts/benchmarks/fault-matrix.js`: the fault matrix of issue 26 as a table. Each
 * fault fixture (fault-matrix-faults.ts) runs through the built CLI under each command it
 * makes sense for (run; http, study size and ab --aa on subsets), each runtime bench finds
 * (http: node only, it has no --runtime) and each strategy, with tiny phases and short cell
 * timeouts, in a scratch folder of its own. A case survived when the CLI exited as documented,
 * wrote a results file that loads back (none for a suite refused at import), the cell named
 * the fault in one line, nothing of the run was left running or in TMPDIR, and it ended in
 * time (fault-matrix-case.ts). Prints a markdown table and totals; --json writes the cases.
 *
 * The strategies of one fault × command × runtime share one CLI run, as the fault tests do
 * (test/helpers/fault-matrix.ts): ten times fewer process starts, and a fault that escapes its
 * cell shows in its neighbours. --isolate gives each strategy a run of its own. A benchmark,
 * not a test: it asserts nothing and exits 0 whatever it finds. Unknown arguments go to every
 * bench command.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BASELINE_STRATEGY, BUSY_MACHINE_POOL, PROCESS_POOL, peerPackageOf, strategiesFor } from '../../runners/contract/strategies.js';
import { integerIn, listOf } from '../cli/parse/values.js';
import { UsageError } from '../cli/usage-error.js';
import { benchmarkArgs, reportFailure } from './benchmark-args.js';
import { type CaseRecord, type GroupSpec, type MatrixSettings, runGroup } from './fault-matrix-case.js';
import { COMMANDS, type Command, FAULTS, type Fault } from './fault-matrix-faults.js';

const CLI = fileURLToPath(new URL('../cli/bench.js', import.meta.url));
const RUNTIMES = ['node', 'bun', 'deno'];
/** study and ab sweep or pair every cell: three strategies (a thread pool, a process pool and the baseline) keep them short. */
const SUBSET = [BASELINE_STRATEGY, BUSY_MACHINE_POOL, PROCESS_POOL];

const { own: values, extra } = benchmarkArgs({
  faults: { type: 'string', default: FAULTS.map((fault) => fault.name).join(',') },
  strategies: { type: 'string' },
  runtimes: { type: 'string', default: RUNTIMES.join(',') },
  commands: { type: 'string', default: COMMANDS.join(',') },
  jobs: { type: 'number', default: 2 },
  isolate: { type: 'boolean', default: false },
  'cell-timeout': { type: 'number', default: 20 },
  'max-heap': { type: 'number', default: 128 },
  'rss-limit': { type: 'number', default: 3072 },
  json: { type: 'string' },
});

function pick<T extends string>(flag: string, text: string, known: readonly T[]): T[] {
  const names = listOf(text);
  const unknown = names.find((name) => !known.includes(name as T));
  if (unknown !== undefined) throw new UsageError(`--${flag}: unknown "${unknown}": choose from ${known.join(',')}`);
  return names as T[];
}

interface RuntimeFacts {
  missing?: string;
  /** Peer packages that failed the runtime's probe, with the library's error. */
  peersDown: Map<string, string>;
}

/** What `bench runtimes --json` says of each runtime: found or not, and which peer pools run on it. */
function probeRuntimes(): Map<string, RuntimeFacts> {
  const probe = spawnSync(process.execPath, [CLI, 'runtimes', '--json'], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  let entries: { runtime: string; probe?: { peers?: Record<string, { ok: boolean; error?: string }> }; error?: string }[] = [];
  try {
    entries = JSON.parse(probe.stdout) as typeof entries;
  } catch {
    throw new Error(`bench runtimes --json printed no JSON (exit ${probe.status}): ${probe.stderr.trim().split('\n')[0] ?? ''}`);
  }
  return new Map(
    RUNTIMES.map((runtime) => {
      const entry = entries.find((e) => e.runtime === runtime);
      const peersDown = new Map(
        Object.entries(entry?.probe?.peers ?? {}).flatMap(([name, peer]) =>
          peer.ok ? [] : [[name, peer.error ?? 'failed the probe'] as [string, string]],
        ),
      );
      return [runtime, { ...(entry?.probe ? {} : { missing: entry?.error ?? 'not found by bench runtimes' }), peersDown }];
    }),
  );
}

function strategiesOf(command: Command, chosen: string[] | undefined): string[] {
  const offered: string[] = command === 'http' ? strategiesFor('http') : strategiesFor('run');
  const wanted = chosen ?? (command === 'study' || command === 'ab' ? SUBSET : offered);
  return wanted.filter((name) => offered.includes(name));
}

const notRun = (fault: Fault, command: Command, runtime: string, strategy: string, how: string): CaseRecord => ({
  fault: fault.name,
  strategy,
  runtime,
  command,
  outcome: 'n/a',
  how,
  exitCode: null,
  wallS: 0,
  peakRssMiB: 0,
  args: [],
  stderrTail: '',
});

/** The runs to make, and the cases no run can hold (a runtime missing, a peer that does not run on it). */
function plan(
  faults: Fault[],
  commands: Command[],
  runtimes: string[],
  chosen: string[] | undefined,
  facts: Map<string, RuntimeFacts>,
  isolate: boolean,
) {
  const groups: GroupSpec[] = [];
  const skipped: CaseRecord[] = [];
  for (const fault of faults) {
    for (const command of commands.filter((c) => fault.commands.includes(c))) {
      for (const runtime of command === 'http' ? runtimes.filter((r) => r === 'node') : runtimes) {
        const fact = facts.get(runtime);
        const strategies: string[] = [];
        for (const strategy of strategiesOf(command, chosen)) {
          const peer = peerPackageOf(strategy);
          const down = peer === undefined ? undefined : fact?.peersDown.get(peer);
          if (fact?.missing) skipped.push(notRun(fault, command, runtime, strategy, `${runtime} missing: ${fact.missing}`));
          else if (down !== undefined)
            skipped.push(notRun(fault, command, runtime, strategy, `${peer} does not run on ${runtime}: ${down}`));
          else strategies.push(strategy);
        }
        if (strategies.length === 0) continue;
        if (fault.kind === 'refused' || !isolate) groups.push({ fault, command, runtime, strategies });
        else for (const strategy of strategies) groups.push({ fault, command, runtime, strategies: [strategy] });
      }
    }
  }
  // Longest first, so the last runs to finish are short ones: ab pairs, then cells that wait out a timeout.
  const cost = (g: GroupSpec): number =>
    ({ ab: 4, study: 2, run: 1, http: 1 })[g.command] * (g.fault.cellTimeoutS ?? 5) * g.strategies.length;
  return { groups: groups.sort((a, b) => cost(b) - cost(a)), skipped };
}

async function runAll(groups: GroupSpec[], jobs: number, settings: MatrixSettings): Promise<CaseRecord[]> {
  const records: CaseRecord[] = [];
  let next = 0;
  let finished = 0;
  const startedAt = performance.now();
  const worker = async (): Promise<void> => {
    while (next < groups.length) {
      const group = groups[next++]!;
      const cases = await runGroup(group, settings);
      records.push(...cases);
      finished += 1;
      const failed = cases.filter((c) => c.outcome === 'failed').length;
      const minutes = ((performance.now() - startedAt) / 60_000).toFixed(1);
      process.stderr.write(
        `[${finished}/${groups.length}] ${group.fault.name} × ${group.command} × ${group.runtime} (${group.strategies.length} strateg${group.strategies.length === 1 ? 'y' : 'ies'}): ${failed} failed, ${cases[0]?.wallS ?? 0} s (${minutes} min in)\n`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, groups.length) }, worker));
  return records;
}

const cellText = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function render(records: CaseRecord[], faults: Fault[]): string {
  const columns = [...new Set(records.map((r) => `${r.command} · ${r.runtime}`))];
  const lines = [
    '## Fault matrix: survived / cases run (✗: a case failed)',
    '',
    `| fault | ${columns.join(' | ')} |`,
    `|---|${columns.map(() => '---').join('|')}|`,
  ];
  for (const fault of faults) {
    const mine = records.filter((r) => r.fault === fault.name);
    if (mine.length === 0) continue;
    const cells = columns.map((column) => {
      const here = mine.filter((r) => `${r.command} · ${r.runtime}` === column && r.outcome !== 'n/a');
      if (here.length === 0) return mine.some((r) => `${r.command} · ${r.runtime}` === column) ? 'n/a' : '';
      const survived = here.filter((r) => r.outcome === 'survived').length;
      return `${survived}/${here.length}${survived < here.length ? ' ✗' : ''}`;
    });
    lines.push(`| ${fault.name} | ${cells.join(' | ')} |`);
  }
  lines.push('', '## Cases', '', '| fault | strategy | runtime | command | outcome | how |', '|---|---|---|---|---|---|');
  for (const r of records) lines.push(`| ${r.fault} | ${r.strategy} | ${r.runtime} | ${r.command} | ${r.outcome} | ${cellText(r.how)} |`);
  const failed = records.filter((r) => r.outcome === 'failed');
  const count = (outcome: CaseRecord['outcome']): number => records.filter((r) => r.outcome === outcome).length;
  lines.push('', '## Failed', '');
  if (failed.length === 0) lines.push('none');
  for (const r of failed) lines.push(`- ${r.fault} × ${r.strategy} × ${r.runtime} × ${r.command}: ${r.how}`);
  lines.push(
    '',
    `**Totals**: ${records.length - count('n/a')} cases, ${count('survived')} survived, ${count('failed')} failed (${count('n/a')} not applicable, not counted)`,
    '',
  );
  return lines.join('\n');
}

const order = (records: CaseRecord[], faults: Fault[]): CaseRecord[] => {
  const rank = (r: CaseRecord): string =>
    [faults.findIndex((f) => f.name === r.fault), COMMANDS.indexOf(r.command), RUNTIMES.indexOf(r.runtime)]
      .map((n) => String(n).padStart(3, '0'))
      .join('');
  return records
    .map((r, i) => ({ r, i, key: rank(r) }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.i - b.i)
    .map(({ r }) => r);
};

async function main(): Promise<void> {
  const faults = pick(
    'faults',
    values.faults,
    FAULTS.map((f) => f.name),
  ).map((name) => FAULTS.find((f) => f.name === name)!);
  const commands = pick('commands', values.commands, COMMANDS);
  const runtimes = pick('runtimes', values.runtimes, RUNTIMES);
  const known: string[] = [...new Set([...strategiesFor('run'), ...strategiesFor('http')])];
  const chosen = values.strategies === undefined ? undefined : pick('strategies', values.strategies, known);
  integerIn('jobs', values.jobs, 1, 16, 'a whole number');
  integerIn('cell-timeout', values['cell-timeout'], 1, 600, 'a number of seconds');
  integerIn('max-heap', values['max-heap'], 16, 65536, 'a number of MiB');
  integerIn('rss-limit', values['rss-limit'], 256, 1 << 20, 'a number of MiB');
  const settings: MatrixSettings = {
    cellTimeoutS: values['cell-timeout'],
    maxHeapMiB: values['max-heap'],
    rssLimitMiB: values['rss-limit'],
    extra,
  };
  const { groups, skipped } = plan(faults, commands, runtimes, chosen, probeRuntimes(), values.isolate);
  process.stderr.write(`fault matrix: ${groups.length} runs, ${values.jobs} at a time\n`);
  const startedAt = performance.now();
  const records = order([...(await runAll(groups, values.jobs, settings)), ...skipped], faults);
  process.stdout.write(render(records, faults));
  process.stdout.write(
    `\nwall: ${((performance.now() - startedAt) / 60_000).toFixed(1)} min for ${groups.length} runs, ${values.jobs} at a time\n`,
  );
  if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(records, null, 2)}\n`);
}

main().catch((error: unknown) => reportFailure('fault-matrix', error));
