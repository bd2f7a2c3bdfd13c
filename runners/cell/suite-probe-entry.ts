/**
 * The suite probe (contract/suite-probe.ts), in a process of its own that the CLI starts and
 * supervises as it does a cell: load one suite, check the contract, write its facts; then,
 * for a study's estimate, time one task per size, rewriting the outcome after each size, so
 * a suite that hangs or exits mid-way still leaves the times taken before. Runs on Node.
 */
import { loadSuite } from '../../suites/registry.js';
import type { Suite } from '../../suites/suite.js';
import { errorMessage } from '../common/error-message.js';
import { writeFileAtomicSync } from '../common/write-atomic.js';
import { setUpSuite } from '../common/suite-setup.js';
import type { SuiteFacts, SuiteProbeOutcome, SuiteProbeSpec } from '../contract/suite-probe.js';

// Taken before the suite is imported, which may replace them: the answer stays JSON, the clock ours, the end an exit.
const { stringify } = JSON;
const now = performance.now.bind(performance);
const exit: (code: number) => never = process.exit.bind(process);

/** Small tasks are timed in a loop of at least this long, so a timer tick does not dominate. */
const MIN_TIMING_MS = 5;

function timeOneTask(suite: Suite, size: number): number | undefined {
  try {
    const input = suite.makeInput(size, 1);
    suite.run(input); // untimed: the first call pays for the JIT
    let runs = 0;
    const start = now();
    do {
      suite.run(input);
      runs++;
    } while (now() - start < MIN_TIMING_MS && runs < 10_000);
    return (now() - start) / runs;
  } catch {
    // A suite that throws here fails its cells with the reason; the estimate just goes without it.
    return undefined;
  }
}

const spec = JSON.parse(process.argv[2] ?? '{}') as SuiteProbeSpec;
// The CLI holds our stdin open; its end means the CLI is gone, so nobody wants our answer.
process.stdin.on('end', () => exit(3));
process.stdin.resume();
process.stdin.unref?.();

const answer = (outcome: SuiteProbeOutcome): void => writeFileAtomicSync(spec.outcomePath, stringify(outcome));

let suite: Suite;
try {
  suite = await loadSuite(spec.suiteUrl);
} catch (error) {
  answer({ ok: false, error: errorMessage(error, { firstLine: true }) });
  exit(0);
}
const facts: SuiteFacts = {
  name: suite.name,
  description: suite.description,
  defaultSize: suite.defaultSize,
  sizes: [...suite.sizes],
  ...(suite.maxSize === undefined ? {} : { maxSize: suite.maxSize }),
};
const taskMs: [number, number][] = [];
answer({ ok: true, facts, taskMs });
let timing = spec.timing;
// Timing a task needs setup() (run may use what it builds); the facts above do not. A setup that
// fails leaves the estimate without times: the cells report the failure with its reason.
if (timing !== undefined) {
  await setUpSuite(suite, 'the suite probe').catch(() => {
    timing = undefined;
  });
}
if (timing !== undefined) {
  const { sizes, budgetMs } = timing;
  const started = now();
  for (const size of sizes) {
    if (now() - started >= budgetMs && taskMs.length >= 2) break;
    const ms = timeOneTask(suite, size);
    if (ms === undefined) continue;
    taskMs.push([size, ms]);
    answer({ ok: true, facts, taskMs });
  }
}
// Exit explicitly: a suite may leave handles (a worker, a timer) that would keep us alive.
exit(0);
