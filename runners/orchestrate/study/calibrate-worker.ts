/**
 * The study estimate's timing (estimate.ts), in a worker thread of its own: the suite is
 * user code, and one that hangs, throws, calls process.exit, floods its output or runs out
 * of memory must cost the estimate, never the CLI — on the CLI's own thread a hanging task
 * kept even SIGINT and SIGTERM from being handled. Posts one CalibrationTime per size timed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSuite } from '../../../suites/registry.js';
import type { Suite } from '../../../suites/suite.js';

export interface CalibrationJob {
  /** Each suite once, its sizes ascending. */
  suites: Array<{ url: string; name: string; sizes: number[] }>;
  /** Once spent, only two sizes per suite are timed; the rest are extrapolated. */
  budgetMs: number;
}

export interface CalibrationTime {
  name: string;
  size: number;
  ms: number;
}

/** Small tasks are timed in a loop of at least this long, so a timer tick does not dominate. */
const MIN_TIMING_MS = 5;

function timeOneTask(suite: Suite, size: number): number | undefined {
  try {
    const input = suite.makeInput(size, 1);
    suite.run(input);
    let runs = 0;
    const start = performance.now();
    do {
      suite.run(input);
      runs++;
    } while (performance.now() - start < MIN_TIMING_MS && runs < 10_000);
    return (performance.now() - start) / runs;
  } catch {
    // A suite that throws here fails its cells with the reason; the estimate just goes without it.
    return undefined;
  }
}

const job = workerData as CalibrationJob;
const started = performance.now();
for (const { url, name, sizes } of job.suites) {
  let suite: Suite;
  try {
    suite = await loadSuite(url);
  } catch {
    continue;
  }
  let timed = 0;
  for (const size of sizes) {
    if (performance.now() - started >= job.budgetMs && timed >= 2) break;
    const ms = timeOneTask(suite, size);
    if (ms === undefined) continue;
    timed++;
    parentPort!.postMessage({ name, size, ms } satisfies CalibrationTime);
  }
}
