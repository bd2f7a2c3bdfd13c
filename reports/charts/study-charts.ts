import type { RunResult } from '../../runners/contract/results.js';
import type { Study } from '../../runners/contract/study.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { completedBatch, groupBy } from '../decide/study/scaling.js';
import { studyOf } from '../study-of.js';
import { payloadStudyOf } from '../payload-of.js';
import { payloadCharts } from './study-payload-charts.js';
import type { StrategyPalette } from './palette.js';
import type { StudyChart } from './study-chart-kit.js';
import { sizeCharts } from './study-size-charts.js';
import { workersCharts } from './study-workers-charts.js';

export type { StudyChart, StudyChartConfig, StudyChartKind, StudyDataset, XY } from './study-chart-kit.js';

function slug(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 80) || 'study';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function chartsOfStudy(result: RunResult, study: Study, palette: StrategyPalette): Array<Omit<StudyChart, 'id' | 'fileIndex'>> {
  const cells = completedBatch(result);
  const runtimes = new Set(result.cells.map((c) => c.runtime)).size;
  const onRuntime = (runtime: string): string => (runtimes > 1 ? ` on ${runtime}` : '');
  if (study.kind === 'size') {
    return groupBy(study.crossovers, (c) => `${c.suite}\u0000${c.runtime}`).flatMap((crossovers) => {
      const { suite, runtime } = crossovers[0]!;
      const workers = new Set(crossovers.map((c) => c.workers));
      const own = cells.filter(
        (c) => c.suite === suite && c.runtime === runtime && (c.strategy === BASELINE_STRATEGY || workers.has(c.workers)),
      );
      return own.length === 0 ? [] : sizeCharts({ suite, runtime, crossovers, cells: own }, palette, `${suite}${onRuntime(runtime)}`);
    });
  }
  return groupBy(study.scaling, (s) => [s.suite, s.runtime, s.size].join('\u0000')).flatMap((group) => {
    const { suite, runtime, size } = group[0]!;
    return group.some((s) => s.points.length > 0)
      ? workersCharts(group, study.cores, palette, `${suite}(${size})${onRuntime(runtime)} on ${study.cores} cores`)
      : [];
  });
}

/** Every study chart of a report, per file with a study block, in file order. */
export function buildStudyCharts(results: readonly RunResult[], palette: StrategyPalette): StudyChart[] {
  const taken = new Set<string>();
  return results.flatMap((result, fileIndex) => {
    const study = studyOf(result);
    const payload = study ? undefined : payloadStudyOf(result);
    const charts = study ? chartsOfStudy(result, study, palette) : payload ? payloadCharts(payload, palette) : [];
    return charts.map((chart) => ({
      ...chart,
      fileIndex,
      id: slug(`${chart.kind}-${chart.suite}${results.length > 1 ? `-${fileIndex + 1}` : ''}`, taken),
    }));
  });
}
