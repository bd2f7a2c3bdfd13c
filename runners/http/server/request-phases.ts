/**
 * --phases in the server: each request's task is timed as a cell times its tasks (the
 * server's main thread is the cell: it submits, the pool's workers run), and around it the
 * server's own work — parse (the handler's start → the task submitted: URL, size, input) and
 * respond (the output back → the reply built: verify, JSON). The runtime's own HTTP parsing
 * before the handler and writing after it are not seen. Raw stamps only while the window
 * runs; finish() turns them into phases.
 */
import { PhaseRecorder, type TaskTiming } from '../../common/phase-timing.js';
import { round4, storedSamples } from '../../common/samples.js';
import type { PhaseSamples } from '../../contract/results.js';
import type { ServerPhases } from '../../contract/http-protocol.js';

function samplesOf(list: readonly number[]): PhaseSamples | null {
  return list.length === 0 ? null : { meanMs: round4(list.reduce((sum, v) => sum + v, 0) / list.length), samplesMs: storedSamples(list) };
}

export class RequestPhases {
  private readonly tasks = new PhaseRecorder();
  private readonly parse: number[] = [];
  private readonly respond: number[] = [];

  /** All on the server's clock (phase-clock.ts cellClock). */
  record(handledAt: number, timing: TaskTiming, completedAt: number, repliedAt: number): void {
    this.tasks.record(timing, completedAt);
    this.parse.push(Math.max(0, timing.submittedAt - handledAt));
    this.respond.push(Math.max(0, repliedAt - completedAt));
  }

  finish(): ServerPhases {
    return { tasks: this.tasks.finish(), parseMs: samplesOf(this.parse), respondMs: samplesOf(this.respond) };
  }
}
