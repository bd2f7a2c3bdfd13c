/**
 * A suite's optional setup(), run the same way by every host (the cell's main thread, a
 * worker thread, a child process, a peer pool's worker, an HTTP server's process): once,
 * before the host's first task, outside every timed region, and timed on its own so the
 * results can show what it costs beside start-up.
 */
import type { Suite } from '../../suites/suite.js';
import { errorMessage } from './error-message.js';

/**
 * One setup per suite object, and so per host: each thread or process imports its own copy of
 * the module. A host that asks again (the cell's thread runs a task of its own after the phases)
 * gets the first answer, never a second setup.
 */
const setUps = new WeakMap<object, Promise<number | undefined>>();

/**
 * Runs `suite.setup()` unless this host already has; resolves with how long it took (ms), or
 * undefined for a suite without one. A throw or rejection becomes one line naming setup and
 * `where` it failed ("setup() failed in a worker thread: Error: …"), as a failed import is
 * named; a setup that never settles leaves the host unready, for the cell timeout to end.
 */
export function setUpSuite(suite: Pick<Suite, 'setup'>, where: string): Promise<number | undefined> {
  let running = setUps.get(suite);
  if (running === undefined) {
    running = runSetup(suite, where);
    setUps.set(suite, running);
  }
  return running;
}

async function runSetup(suite: Pick<Suite, 'setup'>, where: string): Promise<number | undefined> {
  if (typeof suite.setup !== 'function') return undefined;
  const startedAt = performance.now();
  try {
    await suite.setup();
  } catch (error) {
    throw new Error(`setup() failed in ${where}: ${errorMessage(error, { withName: true, firstLine: true })}`);
  }
  return performance.now() - startedAt;
}
