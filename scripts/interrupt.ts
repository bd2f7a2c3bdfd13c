/**
 * Ctrl-C (or SIGTERM) during a measuring command: the first stops the running cell and
 * lets the command save what was measured; a second exits at once.
 */

/** Exit status of a run stopped by Ctrl-C (128 + SIGINT), after its results are saved. */
export const INTERRUPTED_EXIT = 130;

export function trapInterrupts(what: string): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const interrupt = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(INTERRUPTED_EXIT); // a second Ctrl-C: stop now
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
