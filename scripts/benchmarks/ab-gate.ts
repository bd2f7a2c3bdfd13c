/**
 * `npm run bench:ab-gate`: how well the `bench ab` gate separates noise from change on this
 * machine. N A/A runs (the old and the new fixture file, nothing slowed), N runs with side B
 * 10 % slower and N with it 25 % slower (the fixture's BENCH_AB_SLOWDOWN, read by the new file
 * only, so side A never sees it), each a full `bench ab --against` with its own --seed (so
 * each run draws its own ABBA/BAAB order). `--burner` keeps one core busy with a spinning
 * process for the whole benchmark: the gate must still not false-alarm, though it may need
 * more pairs. Prints per case the runs called regressed (exit 1), the cells, the median pairs
 * a cell needed, and the median and longest wall time of a run. A benchmark, not a test: it
 * asserts nothing. Arguments after `--` go to every `bench ab` (e.g. -- --max-rounds 20).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AbSummary } from '../../reports/terminal/ab-summary.js';
import { median } from '../../runners/common/stats.js';
import { integerIn, listOf } from '../cli/parse/values.js';
import { UsageError } from '../cli/usage-error.js';
import { benchmarkArgs, reportFailure } from './benchmark-args.js';

const CLI = fileURLToPath(new URL('../cli/bench.js', import.meta.url));
const FIXTURE = (side: string): string => fileURLToPath(new URL(`../../test/fixtures/ab/${side}/knob.js`, import.meta.url));

/** The cases: a name and side B's slow-down factor. */
const CASES: Record<string, number> = { aa: 1, '10': 1.1, '25': 1.25 };

const { own: values, extra: positionals } = benchmarkArgs({
  runs: { type: 'number', default: 20 },
  cases: { type: 'string', default: 'aa,10,25' },
  burner: { type: 'boolean', default: false },
  strategies: { type: 'string', default: 'main-thread,worker-pool' },
  'phase-time': { type: 'string', default: '250' },
});

const runs = values.runs;
const cases = listOf(values.cases);
try {
  integerIn('runs', runs, 1, 1000, 'a whole number');
  const unknown = cases.find((name) => !(name in CASES));
  if (unknown !== undefined) throw new UsageError(`--cases: unknown case "${unknown}": choose from ${Object.keys(CASES).join(',')}`);
} catch (error) {
  reportFailure('bench:ab-gate', error);
  process.exit();
}

interface RunOutcome {
  exitCode: number;
  wallMs: number;
  summary: AbSummary | null;
}

function runAb(slowdown: number, seed: number, out: string): Promise<RunOutcome> {
  const args = [
    CLI,
    'ab',
    '--against',
    FIXTURE('base'),
    '--suite',
    FIXTURE('head'),
    '--strategies',
    values.strategies,
    '--phase-time',
    values['phase-time'],
    '--seed',
    String(seed),
    '--json',
    '--no-report',
    '--out',
    out,
    ...positionals,
  ];
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, BENCH_AB_SLOWDOWN: String(slowdown) },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      let summary: AbSummary | null = null;
      try {
        summary = JSON.parse(stdout) as AbSummary;
      } catch {
        // A run that printed no JSON (bad input, a crash) is counted by its exit code.
      }
      resolve({ exitCode: code ?? 3, wallMs: performance.now() - startedAt, summary });
    });
  });
}

/** A process spinning on one core (pinned with taskset where there is one) for the whole benchmark. */
function startBurner(): ChildProcess {
  const spin = [process.execPath, '-e', 'for (;;) {}'];
  const pinned = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
  const [command, ...args] = pinned ? ['taskset', '-c', '0', ...spin] : spin;
  const burner = spawn(command!, args, { stdio: 'ignore' });
  process.on('exit', () => burner.kill('SIGKILL'));
  return burner;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

const burner = values.burner ? startBurner() : null;
const scratch = mkdtempSync(join(os.tmpdir(), 'bench-ab-gate-'));
const rows: string[][] = [['case', 'runs', 'regressed runs', 'regressed cells', 'verdicts', 'median pairs', 'median wall', 'max wall']];
try {
  for (const name of cases) {
    const slowdown = CASES[name]!;
    const outcomes: RunOutcome[] = [];
    for (let i = 0; i < runs; i++) {
      const outcome = await runAb(slowdown, i + 1, join(scratch, `${name}-${i}`));
      outcomes.push(outcome);
      const verdicts = outcome.summary?.cells.map((cell) => `${cell.key.strategy} ${cell.verdict} (${cell.pairs})`).join(', ') ?? 'no JSON';
      process.stderr.write(
        `bench:ab-gate ${name} run ${i + 1}/${runs}: exit ${outcome.exitCode}, ${verdicts}, ${seconds(outcome.wallMs)}\n`,
      );
    }
    const cells = outcomes.flatMap((outcome) => outcome.summary?.cells ?? []);
    const counts = new Map<string, number>();
    for (const cell of cells) counts.set(cell.verdict, (counts.get(cell.verdict) ?? 0) + 1);
    rows.push([
      name === 'aa' ? 'A/A' : `B ${name} % slower`,
      String(runs),
      String(outcomes.filter((outcome) => outcome.exitCode === 1).length),
      `${cells.filter((cell) => cell.verdict === 'regressed').length}/${cells.length}`,
      [...counts].map(([verdict, count]) => `${count} ${verdict}`).join(', '),
      cells.length > 0 ? String(median(cells.map((cell) => cell.pairs))) : '—',
      seconds(median(outcomes.map((outcome) => outcome.wallMs))),
      seconds(Math.max(...outcomes.map((outcome) => outcome.wallMs))),
    ]);
  }
} finally {
  burner?.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
process.stdout.write(
  `bench ab gate on ${os.availableParallelism()} cores, node ${process.versions.node}, strategies ${values.strategies}, ` +
    `phase ${values['phase-time']} ms${values.burner ? ', a CPU burner on one core' : ''}${positionals.length > 0 ? `, ${positionals.join(' ')}` : ''}:\n`,
);
for (const row of rows)
  process.stdout.write(`${row.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join('  ')}\n`);
