import os from 'node:os';
import type { Suite } from '../../suites/suite.js';
import { errorMessage } from '../common/error-message.js';

/**
 * Workers and children trust the suite: the cell already validated the same module
 * before starting them, so they import it without re-checking the contract.
 */
export async function importSuite(url: string, where = 'a worker thread'): Promise<Suite> {
  try {
    const module = (await import(url)) as { default: Suite };
    return module.default;
  } catch (error) {
    // Where it failed is the user's clue: the same module loaded in the CLI and the cell.
    throw new Error(`the suite failed to import in ${where}: ${errorMessage(error, { withName: true, firstLine: true })}`);
  }
}

/**
 * Lowers this thread's scheduling priority by `increment` (Linux nice is per thread).
 * With as many busy workers as cores, the dispatching thread otherwise waits for a
 * time slice each time it wakes; a small increment keeps it responsive (piscina's
 * niceIncrement does the same). Best effort: where it is refused, nothing changes.
 */
export function lowerPriority(increment: number): void {
  if (increment <= 0) return;
  try {
    os.setPriority(0, Math.min(19, os.getPriority(0) + increment));
  } catch {
    // Not permitted or not supported here: run at normal priority.
  }
}
