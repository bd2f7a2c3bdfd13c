/**
 * `node dist/scripts/benchmarks/busy-machine.js`: do bench's answers hold on a busy machine?
 * Runs the built CLI --runs times under each background-load condition and prints, per run,
 * what the answer was, then per condition how far it strayed from the quiet one. Conditions:
 * `quiet`; `nice0`, one busy loop at nice 0; `nice19x2`, two busy loops at nice 19. Workloads:
 * `run` (bench run --suite fib: worker-pool's paired speedup over main-thread, its interval,
 * the idle-core speedup its CPU accounting predicts, and the answer line), `workers` (bench
 * study workers --workers-list 1,2: worker-pool's efficiency at 2 workers), `size` (bench study
 * size: each strategy's crossover status). The conditions are interleaved run by run, so
 * machine drift hits them alike. A benchmark, not a test: it asserts nothing. Arguments after
 * `--` go to every bench command (e.g. -- --quick).
 *
 * The loops are started in a session of their own (setsid) unless --same-session: with Linux
 * autogroup on, the scheduler shares the CPU between sessions first and by nice only within
 * one, so a nice-19 loop in another session takes as much as a nice-0 one, while in the same
 * session as bench it barely disturbs. Which of the two a run measured is printed at the top.
 *
 * Flags: --runs N (5), --conditions (quiet,nice0,nice19x2), --workload (run; or any of
 * run,workers,size), --same-session, --size-suite (fib: the suite `size` sweeps).
 *
 *   node dist/scripts/benchmarks/busy-machine.js --runs 5 --workload run,workers -- --max-time 2m
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompletedCell, RunResult } from '../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { median } from '../../runners/common/stats.js';
import { loadResults } from '../../reports/load-results.js';
import { studyOf } from '../../reports/study-of.js';
import { completedBatch } from '../../reports/decide/study/scaling.js';
import { groupVerdict, lookPlanOf } from '../../reports/decide/paired/group-verdict.js';
import type { PairedRatio } from '../../reports/decide/paired/paired-ratio.js';
import { predictedSpeedup } from '../../reports/decide/paired/cpu-figures.js';
import { answerPoints, runAnswers } from '../../reports/decide/answer/point-answer.js';
import { formatRatio } from '../../reports/format/study-format.js';
import { BUSY_MACHINE_POOL } from '../../runners/contract/strategies.js';
import { integerIn, listOf } from '../cli/parse/values.js';
import { UsageError } from '../cli/usage-error.js';
import { benchmarkArgs, reportFailure } from './benchmark-args.js';
import { autogroupOf, autogroupSetting, live, spinning, startLoads, stopLoads } from './busy-loads.js';

const CLI = fileURLToPath(new URL('../cli/bench.js', import.meta.url));
/** The strategy whose figures each run prints. */
const POOL = BUSY_MACHINE_POOL;
/** A run's figure agrees with the quiet median within this share; the prediction within PREDICTED_WITHIN. */
const AGREES_WITHIN = 0.1;
const PREDICTED_WITHIN = 0.15;
/** Time for the loops to reach the CPU before bench starts measuring. */
const SETTLE_MS = 500;

const CONDITIONS: Record<string, { loops: number; nice: number }> = {
  quiet: { loops: 0, nice: 0 },
  nice0: { loops: 1, nice: 0 },
  nice19x2: { loops: 2, nice: 19 },
};

/** Each workload's bench command, and defaults an argument after `--` with the same flag replaces. */
const WORKLOADS: Record<string, (suite: string) => { command: string[]; defaults: Record<string, string> }> = {
  run: () => ({ command: ['run'], defaults: { '--suite': 'fib' } }),
  workers: () => ({ command: ['study', 'workers'], defaults: { '--suite': 'fib', '--workers-list': '1,2' } }),
  size: (suite) => ({ command: ['study', 'size'], defaults: { '--suite': suite } }),
};

// ---- interrupts: loads never outlive the benchmark ----

let current: ChildProcess | undefined;
let stoppedBy: NodeJS.Signals | undefined;

function interrupt(signal: NodeJS.Signals): void {
  stopLoads(live);
  if (stoppedBy !== undefined) process.exit(128 + (os.constants.signals[signal] ?? 2)); // a second signal: now
  stoppedBy = signal;
  process.stderr.write(`\nbusy-machine: ${signal}: loads stopped; waiting for the running bench to save and exit…\n`);
  // Ctrl-C reached bench already (same foreground process group); a SIGTERM was sent to us alone.
  if (signal === 'SIGTERM') current?.kill('SIGTERM');
}
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);
process.on('exit', () => stopLoads(live));

// ---- one bench run ----

interface Outcome {
  code: number;
  wallMs: number;
  result?: RunResult;
  problem?: string;
}

async function runBench(args: string[], out: string): Promise<Outcome> {
  const startedAt = performance.now();
  let stderr = '';
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args, '--no-report', '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    current = child;
    // Only the end of bench's progress is kept: its last line says why a run left no results.
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve(status ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0)));
  }).finally(() => {
    current = undefined;
  });
  const wallMs = performance.now() - startedAt;
  const files = existsSync(out) ? readdirSync(out).filter((name) => name.endsWith('.json')) : [];
  if (files.length !== 1) {
    const said = stderr.trim().split('\n').at(-1) ?? '';
    return { code, wallMs, problem: `exit ${code}, ${files.length} results files${said ? `; bench said: ${said}` : ''}` };
  }
  try {
    return { code, wallMs, result: await loadResults(join(out, files[0]!)) };
  } catch (error) {
    return { code, wallMs, problem: error instanceof Error ? error.message : String(error) };
  }
}

// ---- what a run answered ----

interface Figures {
  wallS: number;
  redone: number;
  interference: number | null;
  speedup?: PairedRatio;
  predicted?: number | null;
  answer?: string;
  poolFaster?: boolean;
  efficiency?: number | null;
  crossovers?: string;
}

/** "fib(30) on 2 cores: worker-pool wins (…": the strategies an answer names before wins/tie/beat. */
const namesPoolFaster = (answer: string): boolean => /pool/.test(/^[^:]*: (.+?) (?:wins|tie|beat) /.exec(answer)?.[1] ?? '');

const poolCells = (cells: readonly CompletedCell[]): CompletedCell[] => cells.filter((cell) => cell.strategy === POOL);

function figuresOf(workload: string, result: RunResult, wallMs: number): Figures {
  const cells = completedBatch(result);
  const interferences = poolCells(cells)
    .flatMap((cell) => cell.rounds.map((round) => round.cpu?.interference))
    .filter((value): value is number => typeof value === 'number');
  const figures: Figures = {
    wallS: wallMs / 1000,
    redone: cells.reduce((sum, cell) => sum + (cell.disturbedRounds?.length ?? 0), 0),
    interference: interferences.length > 0 ? median(interferences) : null,
  };
  if (workload === 'run') {
    // One point (suite, size, runtime, workers) at a time: the first that measured worker-pool.
    const point = answerPoints(cells).find((group) => group.some((cell) => cell.strategy === POOL)) ?? [];
    const entry = groupVerdict(point, lookPlanOf(result.config))?.entries.find((e) => e.cell.strategy === POOL);
    const baseline = point.find((cell) => cell.strategy === BASELINE_STRATEGY);
    figures.speedup = entry?.speedup;
    figures.predicted = entry && baseline ? predictedSpeedup(entry.cell, baseline, result.context.cpu.cores) : null;
    figures.answer = runAnswers(result)[0];
    figures.poolFaster = figures.answer !== undefined && namesPoolFaster(figures.answer);
  } else if (workload === 'workers') {
    const scaling = studyOf(result)?.scaling.find((s) => s.strategy === POOL);
    figures.efficiency = scaling?.points.find((p) => p.workers === 2)?.efficiency ?? null;
  } else {
    const crossovers = studyOf(result)?.crossovers ?? [];
    figures.crossovers = crossovers.map((c) => `${c.strategy} ${c.status}`).join(', ') || '—';
  }
  return figures;
}

const percent = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);
const withInterval = (ratio: PairedRatio | undefined): string =>
  ratio === undefined
    ? '—'
    : `${formatRatio(ratio.median)} [${ratio.interval ? ratio.interval.map(formatRatio).join('–') : 'no interval'}]`;

function runLine(workload: string, figures: Figures): string {
  const common = `wall ${figures.wallS.toFixed(1).padStart(6)} s  redone ${String(figures.redone).padStart(2)}  interference ${percent(figures.interference).padStart(7)}`;
  if (workload === 'run') {
    return `${common}  ${POOL} ${withInterval(figures.speedup)}  predicted ${formatRatio(figures.predicted ?? null)}  | ${figures.answer ?? 'no answer'}`;
  }
  if (workload === 'workers') return `${common}  ${POOL} efficiency at 2 workers ${figures.efficiency?.toFixed(2) ?? '—'}`;
  return `${common}  crossovers: ${figures.crossovers}`;
}

// ---- the summary per condition ----

const nearly = (value: number | null | undefined, reference: number | undefined, within: number): boolean =>
  value != null && reference !== undefined && reference > 0 && Math.abs(value / reference - 1) <= within;
const medianOrNull = (values: (number | null | undefined)[]): number | undefined => {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return known.length > 0 ? median(known) : undefined;
};

function summaryLine(workload: string, runs: Figures[], quiet: Figures[] | undefined): string {
  const wall = `median wall ${medianOrNull(runs.map((f) => f.wallS))?.toFixed(1) ?? '—'} s`;
  if (workload === 'run') {
    const speedups = runs.map((f) => f.speedup?.median);
    const quietMedian = quiet && medianOrNull(quiet.map((f) => f.speedup?.median));
    const agree = quiet
      ? `, ${speedups.filter((s) => nearly(s, quietMedian, AGREES_WITHIN)).length}/${runs.length} within 10 % of quiet`
      : '';
    const predicted = quiet
      ? `, predicted within 15 % of quiet ${runs.filter((f) => nearly(f.predicted, quietMedian, PREDICTED_WITHIN)).length}/${runs.length}`
      : '';
    const faster = runs.filter((f) => f.poolFaster).length;
    return `median ${POOL} speedup ${formatRatio(medianOrNull(speedups) ?? null)}${agree}, answer names a pool faster ${faster}/${runs.length}${predicted}, ${wall}`;
  }
  if (workload === 'workers') {
    const quietMedian = quiet && medianOrNull(quiet.map((f) => f.efficiency));
    const agree = quiet
      ? `, ${runs.filter((f) => nearly(f.efficiency, quietMedian, AGREES_WITHIN)).length}/${runs.length} within 10 % of quiet`
      : '';
    return `median efficiency at 2 workers ${medianOrNull(runs.map((f) => f.efficiency))?.toFixed(2) ?? '—'}${agree}, ${wall}`;
  }
  const tally = new Map<string, number>();
  for (const f of runs) tally.set(f.crossovers ?? '—', (tally.get(f.crossovers ?? '—') ?? 0) + 1);
  return `crossovers ${[...tally].map(([text, count]) => `${count}× (${text})`).join('; ')}, ${wall}`;
}

// ---- main ----

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const { own, extra } = benchmarkArgs({
  runs: { type: 'number', default: 5 },
  conditions: { type: 'string', default: Object.keys(CONDITIONS).join(',') },
  workload: { type: 'string', default: 'run' },
  'same-session': { type: 'boolean', default: false },
  'size-suite': { type: 'string', default: 'fib' },
});
const conditions = listOf(own.conditions);
const workloads = listOf(own.workload);
const scratch = mkdtempSync(join(os.tmpdir(), 'bench-busy-machine-'));
// Also on a second Ctrl-C, which exits at once without reaching `finally`.
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
try {
  integerIn('runs', own.runs, 1, 100, 'a whole number');
  for (const [flag, names, known] of [
    ['--conditions', conditions, CONDITIONS],
    ['--workload', workloads, WORKLOADS],
  ] as const) {
    const unknown = names.find((name) => !(name in known));
    const choose = `choose from ${Object.keys(known).join(',')}`;
    if (names.length === 0) throw new UsageError(`${flag}: name at least one; ${choose}`);
    if (unknown !== undefined) throw new UsageError(`${flag}: unknown "${unknown}"; ${choose}`);
  }
  const sameSession = own['same-session'];
  process.stdout.write(
    `busy-machine: ${own.runs} run${own.runs === 1 ? '' : 's'} of ${workloads.join(',')} under ${conditions.join(',')} on ` +
      `${os.availableParallelism()} cores, node ${process.versions.node}; loads ${sameSession ? 'in this session (no setsid)' : 'each in a session of its own (setsid)'}, ` +
      `${autogroupSetting()}${extra.length > 0 ? `; bench args: ${extra.join(' ')}` : ''}\n`,
  );
  const measured = new Map<string, Figures[]>();
  let failed = 0;
  const width = Math.max(...conditions.map((c) => c.length), ...workloads.map((w) => w.length));
  measuring: for (let run = 1; run <= own.runs; run++) {
    for (const condition of conditions) {
      const { loops, nice } = CONDITIONS[condition]!;
      const loads = startLoads(loops, nice, sameSession);
      try {
        await sleep(loops > 0 ? SETTLE_MS : 0);
        const dead = loads.find((load) => !spinning(load));
        if (dead)
          throw new Error(
            `a background loop of ${condition} did not keep running (${dead.failed?.message ?? `exit ${dead.child.exitCode}`})`,
          );
        if (run === 1 && loads[0]?.child.pid !== undefined) {
          process.stdout.write(
            `${condition}: ${loops} loop${loops === 1 ? '' : 's'} at nice ${nice}, pid ${loads.map((l) => l.child.pid).join(',')} ` +
              `in ${autogroupOf(loads[0].child.pid)} (this script: ${autogroupOf('self')})\n`,
          );
        }
        for (const workload of workloads) {
          const { command, defaults } = WORKLOADS[workload]!(own['size-suite']);
          const args = [
            ...command,
            ...Object.entries(defaults)
              .filter(([flag]) => !extra.includes(flag))
              .flat(),
            ...extra,
          ];
          const outcome = await runBench(args, join(scratch, `${condition}-${workload}-${run}`));
          const label = `${condition.padEnd(width)}  ${workload.padEnd(width)}  run ${run}`;
          if (!outcome.result) {
            process.stdout.write(`${label}  no results: ${outcome.problem}\n`);
            failed += 1;
          } else {
            const figures = figuresOf(workload, outcome.result, outcome.wallMs);
            // A run a signal cut short is shown, not summarised.
            if (!stoppedBy)
              measured.set(`${condition}\u0000${workload}`, [...(measured.get(`${condition}\u0000${workload}`) ?? []), figures]);
            process.stdout.write(`${label}  ${runLine(workload, figures)}${outcome.code !== 0 ? `  (bench exit ${outcome.code})` : ''}\n`);
          }
          if (stoppedBy) break measuring;
        }
      } finally {
        stopLoads(loads);
      }
    }
  }
  process.stdout.write('\nSummary per condition:\n');
  for (const workload of workloads) {
    const quiet = conditions.includes('quiet') ? (measured.get(`quiet\u0000${workload}`) ?? []) : undefined;
    for (const condition of conditions) {
      const runs = measured.get(`${condition}\u0000${workload}`) ?? [];
      const line = runs.length > 0 ? summaryLine(workload, runs, quiet) : 'nothing measured';
      process.stdout.write(`${condition.padEnd(width)}  ${workload.padEnd(width)}  ${line}\n`);
    }
  }
  if (failed > 0) process.exitCode = 1;
  if (stoppedBy) process.exitCode = 128 + (os.constants.signals[stoppedBy] ?? 2);
} catch (error) {
  reportFailure('busy-machine', error);
} finally {
  stopLoads(live);
  rmSync(scratch, { recursive: true, force: true });
}
