/** Polling with a limit: a test that waits for something that never happens fails, naming it, instead of hanging. */
import { setTimeout as sleep } from 'node:timers/promises';

export async function waitUntil(done: () => boolean, what: string, { timeoutMs = 30_000, everyMs = 25 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
