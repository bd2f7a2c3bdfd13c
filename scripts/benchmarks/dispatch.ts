/**
 * `npm run bench:dispatch`: what one no-op task costs under every strategy and every peer
 * pool, in one run. It is `bench run --suite echo --size 8` (one double out and back: pure
 * dispatch) over all the run strategies, shown as saturated tasks/s and the sequential round
 * trip (unloaded latency p50/p99), each beside the reference pool's figure. A benchmark,
 * not a test: nothing here asserts a speed. Extra arguments go to `bench run` (e.g. --rounds 5).
 */
import type { CellResult, RunResult } from '../../runners/contract/results.js';
import { DISPATCH_REFERENCE, RUN_STRATEGY_NAMES, peerPackageOf } from '../../runners/contract/strategies.js';
import { formatRate, terminalSafe } from '../../reports/format/numbers.js';
import { runBenchJson } from './run-bench-json.js';
import { benchmarkArgs, reportFailure } from './benchmark-args.js';

/** Shorter than bench run's defaults: a no-op task gives thousands of samples per 0.5 s. */
const DEFAULT_ARGS: Record<string, string> = { '--rounds': '3', '--phase-time': '500' };

function runBench(extra: string[]): Promise<RunResult> {
  const defaults = Object.entries(DEFAULT_ARGS)
    .filter(([flag]) => !extra.includes(flag))
    .flat();
  const args = [
    'run',
    '--suite',
    'echo',
    '--size',
    '8',
    '--strategies',
    RUN_STRATEGY_NAMES.join(','),
    '--json',
    '--no-report',
    ...defaults,
    ...extra,
  ];
  return runBenchJson(args, 'inherit');
}

const micro = (ms: number): string => (ms * 1000).toFixed(1);
const ratio = (value: number, reference: number | undefined): string =>
  reference === undefined || reference === 0 ? '—' : `${(value / reference).toFixed(2)}×`;

/** Tasks the saturated batch kept outstanding, per worker (the rounds record it; older files do not). */
function inFlightOf(cell: Extract<CellResult, { scenario: 'batch'; status: 'completed' }>): string {
  const counts = new Set(cell.rounds.map((round) => round.inFlight));
  const [count] = counts;
  return counts.size === 1 && count !== undefined ? `${count / cell.workers}/worker` : '—';
}

function render(result: RunResult): string {
  const peers = (result.context as { peers?: Record<string, string> }).peers ?? {};
  const completed = (cell: CellResult | undefined) => (cell?.status === 'completed' && cell.scenario === 'batch' ? cell : undefined);
  const reference = completed(result.cells.find((cell) => cell.strategy === DISPATCH_REFERENCE));
  const header = ['strategy', 'tasks/s', `vs ${DISPATCH_REFERENCE}`, 'in flight', 'p50 µs', 'p99 µs', `p50 vs ${DISPATCH_REFERENCE}`];
  const rows = result.cells.map((cell) => {
    const peer = peerPackageOf(cell.strategy);
    const name = terminalSafe(`${cell.strategy}${peer && peers[peer] ? ` (${peer} ${peers[peer]})` : ''}`);
    const done = completed(cell);
    if (!done)
      return [
        name,
        cell.status === 'errored'
          ? `errored: ${terminalSafe(cell.error.message)}`
          : cell.status === 'skipped'
            ? `skipped: ${terminalSafe(cell.reason)}`
            : cell.status,
      ];
    return [
      name,
      formatRate(done.throughput.tasksPerSec),
      ratio(done.throughput.tasksPerSec, reference?.throughput.tasksPerSec),
      inFlightOf(done),
      micro(done.latency.p50Ms),
      micro(done.latency.p99Ms),
      ratio(done.latency.p50Ms, reference?.latency.p50Ms),
    ];
  });
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.filter((row) => row.length > 2).map((row) => row[i]?.length ?? 0)),
  );
  const line = (row: string[]): string =>
    row.length === 2
      ? `${row[0]!.padEnd(widths[0]!)}  ${row[1]}`
      : row.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join('  ');
  const { cpu, runtime } = result.context;
  return [
    `No-op dispatch (echo, 8 bytes), ${result.config.workers} workers, ${cpu.cores} cores, ${runtime.name} ${runtime.version}:`,
    'tasks/s: saturated, with "in flight" tasks outstanding (each strategy at its own depth unless --in-flight-per-worker is given); p50/p99: one task at a time, submit to result.',
    '',
    line(header),
    ...rows.map(line),
  ].join('\n');
}

/**
 * Without --in-flight-per-worker, two runs: each strategy and peer at its own depth (the
 * harness's pools pipeline, the peers use their libraries' defaults), then all at one depth,
 * so a ratio cannot come from a knob the other side left at its default.
 */
const EQUAL_DEPTH = '8';

try {
  const { extra } = benchmarkArgs({});
  const own = await runBench(extra);
  process.stdout.write(`${render(own)}\n`);
  if (!extra.includes('--in-flight-per-worker')) {
    const equal = await runBench([...extra, '--in-flight-per-worker', EQUAL_DEPTH]);
    process.stdout.write(`\nAll at --in-flight-per-worker ${EQUAL_DEPTH}:\n${render(equal)}\n`);
  }
} catch (error) {
  reportFailure('bench:dispatch', error);
}
