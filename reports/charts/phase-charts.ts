/**
 * --phases: where each strategy's task time goes, as one 100 % stacked bar per strategy
 * (and series): spawn, queue, send, run, return as shares of the task's mean latency. Mean
 * shares, because means add up (the phase means sum to the mean latency) and medians do
 * not. Two charts per suite: the unloaded latency phase (one task in flight: the cost of
 * one task) and the saturated batch (where waiting in the queue is real).
 */
import type { ChartOptions } from 'chart.js';
import type { CellPhases, CompletedCell } from '../../runners/contract/results.js';
import type { PhaseName } from '../../runners/contract/phases.js';
import type { SuiteContext } from './chart-kinds.js';
import type { BarDataset, BenchChart } from './charts.js';
import { withAlpha } from './palette.js';
import { cellFor, completed, type Series } from './series.js';

/** The phases in the order they happen, each with one colour in every chart and table. */
export const PHASE_LEGEND: ReadonlyArray<{ name: PhaseName; label: string; colour: string }> = [
  { name: 'spawnMs', label: 'spawn', colour: '#7f7f7f' },
  { name: 'queueMs', label: 'queue', colour: '#e6b800' },
  { name: 'sendMs', label: 'send', colour: '#1f77b4' },
  { name: 'queueSendMs', label: 'queue + send (peer pools: not separable)', colour: '#9467bd' },
  { name: 'runMs', label: 'run', colour: '#2ca02c' },
  { name: 'returnMs', label: 'return', colour: '#d62728' },
];

export type PhaseView = 'phases' | 'loadedPhases';

/** A cell's phase block for one view, if it was timed. */
export function phasesOf(cell: CompletedCell | undefined, view: PhaseView): CellPhases | undefined {
  return cell?.[view];
}

/** Each phase's share (0–1) of the sum of the phase means: the bar's segments, summing to 1. */
export function phaseShares(phases: CellPhases): Map<PhaseName, number> {
  const means = PHASE_LEGEND.flatMap(({ name }) => {
    const phase = phases[name];
    return phase === null ? [] : [[name, phase.mean] as const];
  });
  const total = means.reduce((sum, [, mean]) => sum + mean, 0);
  return new Map(means.map(([name, mean]) => [name, total > 0 ? mean / total : 0]));
}

interface StackedDataset extends BarDataset {
  /** Chart.js stacks datasets with the same `stack`: one stack per series. */
  stack: string;
}

const SHADE_ALPHAS = [0.9, 0.45, 0.7, 0.25] as const;

function formatMs(ms: number): string {
  return ms >= 10 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toPrecision(2);
}

function options(title: string, subtitle: string): ChartOptions<'bar'> {
  const ink = '#222222';
  return {
    animation: false,
    layout: { padding: { top: 4, right: 16, bottom: 4, left: 8 } },
    plugins: {
      title: { display: true, text: title, font: { size: 17, weight: 'bold' }, color: '#111111', padding: { top: 4, bottom: 2 } },
      subtitle: { display: true, text: subtitle, font: { size: 12.5 }, color: '#444444', padding: { bottom: 8 } },
      legend: { display: true, position: 'top', labels: { font: { size: 12.5 }, color: ink, usePointStyle: true, pointStyleWidth: 28 } },
    },
    scales: {
      x: {
        stacked: true,
        title: { display: true, text: 'strategy (mean latency)', font: { size: 13 }, color: ink },
        ticks: { font: { size: 12.5 }, color: ink, autoSkip: false, maxRotation: 40 },
        grid: { display: false },
      },
      y: {
        stacked: true,
        min: 0,
        max: 100,
        title: { display: true, text: '% of the mean task latency', font: { size: 13 }, color: ink },
        ticks: { font: { size: 12.5 }, color: ink },
        grid: { color: '#e3e3e3' },
      },
    },
  };
}

function phaseChart(context: SuiteContext, order: readonly string[], view: PhaseView): BenchChart | undefined {
  const { suite } = context;
  const timed = (s: Series, strategy: string): CellPhases | undefined => phasesOf(completed(cellFor(s, suite, strategy)), view);
  const series = context.series.filter((s) => order.some((strategy) => timed(s, strategy)));
  const strategies = order.filter((strategy) => series.some((s) => timed(s, strategy)));
  if (strategies.length === 0) return undefined;
  const datasets: StackedDataset[] = series.flatMap((s) => {
    const alpha = SHADE_ALPHAS[s.index % SHADE_ALPHAS.length] ?? 0.9;
    const shares = strategies.map((strategy) => {
      const phases = timed(s, strategy);
      return phases === undefined ? undefined : phaseShares(phases);
    });
    return PHASE_LEGEND.filter(({ name }) => shares.some((share) => share?.has(name))).map(({ name, label, colour }) => ({
      type: 'bar' as const,
      label: series.length > 1 ? `${label} · ${s.label}` : label,
      data: shares.map((share) => {
        const value = share?.get(name);
        return value === undefined ? null : Math.round(value * 1000) / 10;
      }),
      backgroundColor: strategies.map(() => withAlpha(colour, alpha)),
      borderColor: strategies.map(() => colour),
      borderWidth: 1,
      pointStyle: 'rect' as const,
      stack: s.label,
    }));
  });
  const labels = strategies.map((strategy) => {
    const latencies = series.flatMap((s) => {
      const phases = timed(s, strategy);
      return phases === undefined ? [] : [`${formatMs(phases.latencyMeanMs)} ms`];
    });
    return [strategy, latencies.join(' / ')];
  });
  const loaded = view === 'loadedPhases';
  const heading = loaded ? 'where the time goes under load' : 'where the time goes, one task at a time';
  const title = `${suite}: ${heading}`;
  const subtitle = loaded
    ? `saturated batch, ${context.workers} workers: submitted → output back, mean share per phase (--phases)`
    : 'unloaded: one task in flight, mean share per phase of its latency (--phases)';
  return {
    id: `${suite}-${loaded ? 'phases-loaded' : 'phases'}`,
    suite,
    kind: loaded ? 'phases-loaded' : 'phases',
    title,
    config: { type: 'bar', data: { labels, datasets }, options: options(title, subtitle) },
  };
}

/** The phase charts of one suite; none unless some cell was run with --phases. */
export function buildPhaseCharts(context: SuiteContext, order: readonly string[]): BenchChart[] {
  return (['phases', 'loadedPhases'] as const).flatMap((view) => phaseChart(context, order, view) ?? []);
}
