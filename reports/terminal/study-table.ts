/**
 * A study's analysis in the terminal, below the run's own table: the crossovers (size
 * study) or the scaling table and fits (workers study), then the answer in words.
 * Everything is read from the study block; nothing is recomputed.
 */
import type { RunResult } from '../../runners/contract/results.js';
import type { Crossover, Scaling, Study } from '../../runners/contract/study.js';
import { runAnswers } from '../decide/answer/point-answer.js';
import { httpAnswers } from '../decide/answer/http-answer.js';
import { formatCoefficient, formatFraction, formatRatio, formatSize, formatTaskMs } from '../format/study-format.js';
import { formatRate, terminalSafe } from '../format/numbers.js';

function columns(rows: string[][], leftAligned: number): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((text, c) => (c < leftAligned ? text.padEnd(widths[c]!) : text.padStart(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function rangeText(c: Crossover): string {
  if (c.range === null) return '—';
  const [low, high] = c.range;
  const first = c.ratios[0]?.size;
  const last = c.ratios.at(-1)?.size;
  return `${low === null ? `<${formatSize(first ?? 0)}` : formatSize(low)}–${high === null ? `>${formatSize(last ?? 0)}` : formatSize(high)}`;
}

function crossoverBlock(crossovers: readonly Crossover[], runtimes: number): string {
  const head = [
    ...(runtimes > 1 ? ['runtime'] : []),
    'suite',
    'strategy',
    'workers',
    'status',
    'pays from',
    'task time',
    '95% range',
    'ratio to main-thread by size',
  ];
  const rows = crossovers.map((c) => [
    ...(runtimes > 1 ? [c.runtime] : []),
    c.suite,
    c.strategy,
    String(c.workers),
    c.status,
    c.size === null ? '—' : formatSize(c.size),
    formatTaskMs(c.taskMs),
    rangeText(c),
    c.ratios.map((r) => `${formatSize(r.size)}: ${formatRatio(r.ratio)}`).join(' · '),
  ]);
  const lead = runtimes > 1 ? 4 : 3;
  const table = columns([head, ...rows], lead + 1);
  const notes = crossovers
    .filter((c) => c.status !== 'crossed')
    .map((c) => `  ${c.strategy}${runtimes > 1 ? ` on ${c.runtime}` : ''}: ${c.note}`);
  return ["Crossovers (the size from which a strategy's tasks/s beats main-thread's):", table, ...notes].join('\n');
}

function fitLine(s: Scaling): string {
  const usl = s.usl
    ? `USL λ = ${formatRate(s.usl.lambda)} tasks/s, σ = ${formatCoefficient(s.usl.sigma)}, κ = ${formatCoefficient(s.usl.kappa)}, ` +
      `N* ${s.usl.peakWorkers === null ? 'none (κ = 0)' : `≈ ${s.usl.peakWorkers.toFixed(1)}`}, residual ${(s.usl.residual * 100).toFixed(1)} %`
    : `USL: ${s.uslReason ?? 'not fitted'}`;
  const amdahl = s.amdahl
    ? `Amdahl serial fraction σ = ${formatCoefficient(s.amdahl.sigma)} (${s.amdahl.workers.length} points${s.amdahl.workers.length === 2 ? ', exact' : `, residual ${(s.amdahl.residual * 100).toFixed(1)} %`})`
    : `Amdahl: ${s.amdahlReason ?? 'not fitted'}`;
  return `  ${s.strategy}: ${usl}\n  ${' '.repeat(s.strategy.length)}  ${amdahl}`;
}

function scalingBlock(scaling: readonly Scaling[], runtimes: number, cores: number): string {
  const head = [
    ...(runtimes > 1 ? ['runtime'] : []),
    'suite',
    'strategy',
    'workers',
    'tasks/s',
    '95% CI',
    'speedup',
    '× main',
    'efficiency',
  ];
  const rows = scaling.flatMap((s) =>
    s.points.map((p) => [
      ...(runtimes > 1 ? [s.runtime] : []),
      `${s.suite}(${s.size})`,
      s.strategy,
      `${p.workers}${p.overCores ? '*' : ''}`,
      formatRate(p.tasksPerSec),
      `${formatRate(p.ci95[0])}–${formatRate(p.ci95[1])}`,
      formatRatio(p.speedup),
      formatRatio(p.speedupOverBaseline),
      formatFraction(p.efficiency),
    ]),
  );
  const lead = runtimes > 1 ? 3 : 2;
  return [
    "Scaling (speedup: over the strategy's own 1-worker rate; efficiency: speedup ÷ workers):",
    columns([head, ...rows], lead),
    `  * more workers than the ${cores} cores: a drop there is time-slicing, not coherency cost`,
    'Fits (points at or below the core count):',
    ...scaling.map(fitLine),
  ].join('\n');
}

export function renderStudy(study: Study): string {
  const runtimes = new Set([...study.crossovers.map((c) => c.runtime), ...study.scaling.map((s) => s.runtime)]).size;
  const body = study.kind === 'size' ? crossoverBlock(study.crossovers, runtimes) : scalingBlock(study.scaling, runtimes, study.cores);
  const answer = study.answer.length > 0 ? ['', 'Answer:', ...study.answer.map((line) => `  ${line}`)] : [];
  return terminalSafe([body, ...answer].join('\n'));
}

/** `bench run`'s answer below its table: per suite and size, who wins, who ties, what it costs. Empty without a comparison. */
export function renderRunAnswer(result: RunResult): string {
  // A `bench http` file's cells are HTTP cells: its answer is httpAnswers', in the same words.
  const lines = [...runAnswers(result), ...httpAnswers(result)];
  return lines.length === 0 ? '' : terminalSafe(['', 'Answer:', ...lines.map((line) => `  ${line}`)].join('\n'));
}
