/**
 * `npm run bench:phases-cost`: what --phases costs in throughput. The same cells run with
 * and without phase timing, interleaved in pairs (off/on, then on/off, …) so machine drift
 * hits both sides alike; per cell, the ratio tasks/s with ÷ without is taken in each pair and
 * the median of the pairs printed. The default is the worst case, a no-op task (echo, 8 bytes:
 * pure dispatch, where a stamp weighs most); pass `--suite fib` or any `bench run` flag to
 * change it. Also printed: the time each task pays for being timed (1/on − 1/off), which
 * holds whatever the task's size. A benchmark, not a test: it asserts nothing, it marks ratios below 0.98.
 *
 *   npm run bench:phases-cost -- --pairs 5 --phase-time 1000
 */
import type { CellResult, RunResult } from '../../runners/contract/results.js';
import { RUN_STRATEGY_NAMES } from '../../runners/contract/strategies.js';
import { median } from '../../runners/common/stats.js';
import { formatRate, terminalSafe } from '../../reports/format/numbers.js';
import { runBenchJson } from './run-bench-json.js';
import { benchmarkArgs, reportFailure } from './benchmark-args.js';
import { integerIn } from '../cli/parse/values.js';

/** The budget the issue sets: phase timing may cost at most 2 % of throughput. */
const BUDGET_RATIO = 0.98;
const DEFAULTS: Record<string, string> = {
  '--suite': 'echo',
  '--size': '8',
  '--strategies': RUN_STRATEGY_NAMES.join(','),
  '--phase-time': '500',
};

function runBench(extra: string[], phases: boolean): Promise<RunResult> {
  const defaults = Object.entries(DEFAULTS)
    .filter(([flag]) => !extra.includes(flag))
    .flat();
  const args = ['run', '--rounds', '1', '--json', '--no-report', ...defaults, ...extra, ...(phases ? ['--phases'] : [])];
  return runBenchJson(args, 'ignore');
}

const keyOf = (cell: CellResult): string =>
  `${cell.suite}(${cell.size}) ${cell.strategy}${cell.transport ? ` (${cell.transport})` : ''} on ${cell.runtime}`;
const rateOf = (cell: CellResult | undefined): number | undefined =>
  cell?.status === 'completed' && cell.scenario === 'batch' ? cell.throughput.tasksPerSec : undefined;

interface Pair {
  off: number;
  on: number;
}

async function measure(pairs: number, extra: string[]): Promise<Map<string, Pair[]>> {
  const byCell = new Map<string, Pair[]>();
  for (let pair = 0; pair < pairs; pair++) {
    // Alternate which side goes first, so neither always meets a warmer or colder machine.
    const order = pair % 2 === 0 ? [false, true] : [true, false];
    const [first, second] = [await runBench(extra, order[0]!), await runBench(extra, order[1]!)];
    const [off, on] = order[0] ? [second, first] : [first, second];
    for (const cell of off.cells) {
      const rates = { off: rateOf(cell), on: rateOf(on.cells.find((other) => keyOf(other) === keyOf(cell))) };
      if (rates.off === undefined || rates.on === undefined) continue;
      byCell.set(keyOf(cell), [...(byCell.get(keyOf(cell)) ?? []), { off: rates.off, on: rates.on }]);
    }
    process.stderr.write(`pair ${pair + 1}/${pairs} measured\n`);
  }
  return byCell;
}

function render(byCell: Map<string, Pair[]>, pairs: number): string {
  const header = ['cell', 'tasks/s off', 'tasks/s on', 'on ÷ off', 'µs/task added', ''];
  const rows = [...byCell].map(([key, measured]) => {
    const ratio = median(measured.map((p) => p.on / p.off));
    return [
      terminalSafe(key),
      formatRate(median(measured.map((p) => p.off))),
      formatRate(median(measured.map((p) => p.on))),
      ratio.toFixed(3),
      // What a task pays for being timed, whatever its size: its share is this over the task's own time.
      median(measured.map((p) => 1e6 / p.on - 1e6 / p.off)).toFixed(2),
      ratio < BUDGET_RATIO ? `over the 2 % budget${measured.length < 3 ? ' (too few pairs to tell)' : ''}` : '',
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]): string =>
    row
      .map((text, i) => (i === 0 || i === row.length - 1 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    `Throughput with --phases ÷ without, median of ${pairs} interleaved pair${pairs === 1 ? '' : 's'} of one-round runs (budget: ≥ ${BUDGET_RATIO}):`,
    '',
    line(header),
    ...rows.map(line),
  ].join('\n');
}

try {
  // `--pairs N` is ours; everything else goes to `bench run`.
  const { own, extra } = benchmarkArgs({ pairs: { type: 'number', default: 3 } });
  integerIn('pairs', own.pairs, 1, 50, 'a whole number');
  process.stdout.write(`${render(await measure(own.pairs, extra), own.pairs)}\n`);
} catch (error) {
  reportFailure('bench:phases-cost', error);
}
