/**
 * Real runs of the knob fixture (test/fixtures/knob-suite.ts) and compares of them through
 * the CLI, for the live detection test (compare-flags-slowdown). The false-alarm rates are
 * simulated (helpers/compare-simulate.ts): a live A/A of time-separated runs on this
 * runner measures the runner (in CI one flagged a 3 % change, another an A/A pair).
 *
 * The two runs of a compare are made side by side (started together), never one after the
 * other: this machine is shared, and another job starting between two sequential runs
 * would slow one side only — a "regression" no statistic can tell from a real one. Side by
 * side, whatever else runs hits both runs alike, just as interleaved rounds make drift hit
 * every strategy of one run alike. Each run needs about one core (main-thread, and a
 * one-worker pool whose dispatching thread is mostly idle), so a pair fills the 2-core
 * machine without starving either side.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { CellComparison, Verdict } from '../../reports/decide/compare/compare.js';
import { fixture, runCli, tempDir } from './cli.js';

/**
 * Five rounds: the fewest with which Mann–Whitney can reach p < 0.05 with room to spare
 * (complete separation gives p = 0.008). 160 ms phases: the side-by-side run's cell
 * start-ups (~50–100 ms of CPU each) land inside a phase, and at 80 ms one of them could
 * move a round's throughput by 10 % (a 3 % change once read as −10.1 %); a run takes ~6 s.
 */
export const KNOB_RUN = [
  '--strategies',
  'main-thread,worker-pool',
  '--workers',
  '1',
  '--rounds',
  '5',
  '--phase-time',
  '160',
  '--no-report',
];

async function knobRun(slowdown: number, out: string): Promise<string> {
  const result = await runCli(['run', '--suite', fixture('knob-suite.js'), ...KNOB_RUN, '--out', out], {
    BENCH_FIXTURE_SLOWDOWN: String(slowdown),
  });
  assert.equal(result.code, 0, `knob run (slowdown ${slowdown}) failed: ${result.stderr}`);
  const files = readdirSync(out).filter((name) => name.endsWith('.json'));
  assert.equal(files.length, 1, `one results file in ${out}`);
  return join(out, files[0]!);
}

/** Two runs started together, one per slowdown factor; their results files, in order. */
export function sideBySide(baselineSlowdown: number, currentSlowdown: number, dir: string): Promise<[string, string]> {
  return Promise.all([knobRun(baselineSlowdown, join(dir, 'baseline')), knobRun(currentSlowdown, join(dir, 'current'))]);
}

export interface CompareOutput {
  exitCode: number | null;
  counts: Record<Verdict, number>;
  cells: CellComparison[];
}

/** `bench compare <baseline> <current> --json` at the default settings. */
export async function compareJson(baseline: string, current: string): Promise<CompareOutput> {
  const result = await runCli(['compare', baseline, current, '--json']);
  assert.notEqual(result.code, 2, `bad input? ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as { counts: Record<Verdict, number>; cells: CellComparison[] };
  return { exitCode: result.code, counts: parsed.counts, cells: parsed.cells };
}

/** One line per compare for the test log: each cell's verdict and each metric's change and p. */
export function describeCompare(index: number, output: CompareOutput): string {
  const cells = output.cells.map(
    (cell) =>
      `${cell.strategy} ${cell.verdict} [` +
      (cell.metrics.length === 0
        ? (cell.reason ?? '')
        : cell.metrics
            .map((m) => `${m.name} ${(m.change * 100).toFixed(1)}% p=${m.pValue === null ? '—' : m.pValue.toFixed(3)}`)
            .join(', ')) +
      ']',
  );
  return `compare ${index + 1}: exit ${output.exitCode}; ${cells.join(' | ')}`;
}

/**
 * `compares` times: a same-build baseline run and a run at `slowdown`, side by side, then
 * `bench compare`. Logs each compare; checks exit code 1 goes with regressions only.
 */
export async function compareSideBySide(t: TestContext, slowdown: number, compares: number): Promise<CompareOutput[]> {
  const root = tempDir();
  t.after(() => rm(root, { recursive: true, force: true }));
  const outputs: CompareOutput[] = [];
  for (let i = 0; i < compares; i++) {
    const [baseline, current] = await sideBySide(1, slowdown, join(root, `pair-${i}`));
    const output = await compareJson(baseline, current);
    t.diagnostic(describeCompare(i, output));
    assert.equal(output.exitCode, output.counts.regressed > 0 ? 1 : 0, 'exit 1 exactly when a cell regressed');
    outputs.push(output);
  }
  return outputs;
}
