/**
 * The fewest tasks each phase of a round runs, whatever its time budget (runners/cell/measure.ts):
 * what a round of slow tasks is made of, and so how long the ETAs expect a round of a per-task
 * strategy, which starts a worker or a process for every task, to take
 * (runners/orchestrate/study/estimate.ts).
 */

/** A warm-up pass runs this many tasks per task in flight, and runs at least once. */
export const WARM_UP_WAVES = 2;

/** tinybench runs at least this many iterations of the unloaded phase, then stops when its time is up. */
export const MIN_LATENCY_SAMPLES = 5;

/** The batch runs at least this many tasks per task in flight. */
export const BATCH_MIN_WAVES = 4;
