/**
 * Ctrl-C (or SIGTERM) during a measuring command: the first stops the running cell and
 * lets the command save what was measured; a second exits at once.
 */

import { constants } from 'node:os';

/** Exit status of a run stopped by Ctrl-C (128 + SIGINT), after its results are saved. */
export const INTERRUPTED_EXIT = 130;

/**
 * Exit status of a command a signal stopped, after its results are saved: 128 + the
 * signal's number, as a shell reports it (Ctrl-C 130, SIGTERM from a CI timeout 143).
 */
export function interruptedExit(signal: string | undefined): number {
  const number = signal === undefined ? undefined : constants.signals[signal as NodeJS.Signals];
  return number === undefined ? INTERRUPTED_EXIT : 128 + number;
}

/** A measurement a signal cut short, raised where no results file is left to mark it. */
export class InterruptedError extends Error {
  readonly exitCode: number;
  constructor(message: string, signal: string | undefined) {
    super(message);
    this.exitCode = interruptedExit(signal);
  }
}

export function trapInterrupts(what: string): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const interrupt = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(interruptedExit(signal)); // a second Ctrl-C: stop now
    process.stderr.write(`\n${signal}: stopping the running ${what} and saving what was measured…\n`);
    controller.abort(signal);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
    },
  };
}
