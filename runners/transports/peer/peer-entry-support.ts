/**
 * The part every peer pool's worker file shares: lower the thread's priority, load the
 * suite, announce readiness (or why not), and hand back the suite's run. Each library's
 * entry file wraps it in the shape that library loads.
 */
import { BroadcastChannel } from 'node:worker_threads';
import type { Value } from '../../../suites/suite.js';
import { errorMessage } from '../../common/error-message.js';
import { importSuite, lowerPriority } from '../entry-support.js';
import { type PeerBootstrap, type PeerWorkerNews, wallClockMs } from './peer-protocol.js';
import { peerClock, timedPeerRun } from './peer-phases.js';

function announce(channelName: string, news: PeerWorkerNews): void {
  const channel = new BroadcastChannel(channelName);
  channel.postMessage(news);
  channel.close();
}

export async function startPeerWorker(bootstrap: PeerBootstrap): Promise<(input: Value) => Value> {
  const startedAt = wallClockMs();
  // Told so the executor can tell a library that settles a dead worker's task from one that
  // leaves it pending forever (process 'exit' fires in a worker thread that calls process.exit).
  process.on('exit', (code) => announce(bootstrap.readyChannel, { type: 'exited', code }));
  lowerPriority(bootstrap.nice);
  try {
    const suite = await importSuite(bootstrap.suiteUrl);
    // --phases: synced before ready, so the pool's first task finds the clock set.
    const clock = bootstrap.stamps ? await peerClock(bootstrap.readyChannel) : undefined;
    announce(bootstrap.readyChannel, { type: 'ready', startedAt, readyAt: wallClockMs() });
    const run = (input: Value): Value => suite.run(input);
    return clock && bootstrap.stamps ? timedPeerRun(run, new Float64Array(bootstrap.stamps), clock) : run;
  } catch (error) {
    announce(bootstrap.readyChannel, {
      type: 'failed',
      message: `the suite did not load in a worker: ${errorMessage(error, { withName: true })}`,
    });
    throw error;
  }
}
