/**
 * Part of the capability probe (runs inside the runtime under test): does each peer
 * library start a pool here and return a verified output? A library that does not is
 * recorded with its own error, and its strategies' cells on this runtime are skipped.
 */
import { BUILTIN_SUITES, loadSuite } from '../../suites/registry.js';
import { errorMessage } from '../common/error-message.js';
import type { PeerCheck } from '../contract/capabilities.js';
import { ALL_STRATEGY_NAMES, type PeerPackage, peerPackageOf } from '../contract/strategies.js';
import { findStrategy } from '../strategies/index.js';

/** fib(12): a task of microseconds; this checks that the library works, not how fast. */
const PROBE_SIZE = 12;

async function checkPeer(strategy: string, timeoutMs: number): Promise<PeerCheck> {
  const suiteUrl = BUILTIN_SUITES.fib;
  const suite = await loadSuite(suiteUrl);
  const executor = findStrategy(strategy)!.create({
    suite,
    workers: 1,
    channel: { suiteUrl, nice: 0, thread: { api: 'worker_threads', smol: false } },
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const input = suite.makeInput(PROBE_SIZE, 1);
    let started = false;
    const output = await Promise.race([
      executor.start().then(() => {
        started = true;
        return executor.run(input);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                started
                  ? `its pool started, but a task got no answer within ${timeoutMs / 1000} s`
                  : `its pool did not start within ${timeoutMs / 1000} s`,
              ),
            ),
          timeoutMs,
        );
      }),
    ]);
    return suite.verify(input, output) ? { ok: true } : { ok: false, error: 'it returned a wrong output' };
  } catch (error) {
    return { ok: false, error: errorMessage(error, { firstLine: true }) };
  } finally {
    clearTimeout(timer);
    await executor.close();
  }
}

/** Each peer package, checked through the first strategy that uses it. */
export async function checkPeers(timeoutMs: number): Promise<Partial<Record<PeerPackage, PeerCheck>>> {
  const checks: Partial<Record<PeerPackage, PeerCheck>> = {};
  for (const strategy of ALL_STRATEGY_NAMES) {
    const peer = peerPackageOf(strategy);
    if (peer !== undefined && checks[peer] === undefined) checks[peer] = await checkPeer(strategy, timeoutMs);
  }
  return checks;
}
