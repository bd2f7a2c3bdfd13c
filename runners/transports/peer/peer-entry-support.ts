/**
 * The part every peer pool's worker file shares: lower the thread's priority, load the suite
 * and run its setup(), announce readiness (or why not), and hand back the suite's run. Each
 * library's entry file wraps it in the shape that library loads.
 */
import { BroadcastChannel } from 'node:worker_threads';
import type { Value } from '../../../suites/suite.js';
import { errorMessage } from '../../common/error-message.js';
import { importSuite, lowerPriority } from '../entry-support.js';
import { setUpSuite } from '../../common/suite-setup.js';
import { type PeerBootstrap, type PeerWorkerNews, wallClockMs } from './peer-protocol.js';
import { peerClock, timedPeerRun } from './peer-phases.js';
import { peerTask } from './peer-task.js';

/** The suite's setup() threw or rejected: its line (suite-setup.ts) is the whole reason. */
class SetupFailed extends Error {
  override name = 'SetupFailed';
}

function announce(channelName: string, news: PeerWorkerNews): void {
  const channel = new BroadcastChannel(channelName);
  channel.postMessage(news);
  channel.close();
}

/**
 * `clockSync` (--phases only): `first` syncs before the run is handed to the library, which
 * piscina and tinypool need, as their idle worker blocks its event loop in Atomics.wait and a
 * sync left for later would never finish; `alongside` hands the run over at once and syncs
 * meanwhile, which poolifier on Deno needs (see below).
 */
export async function startPeerWorker(
  bootstrap: PeerBootstrap,
  clockSync: 'first' | 'alongside' = 'first',
): Promise<(input: Value) => Value> {
  const startedAt = wallClockMs();
  // Told so the executor can tell a library that settles a dead worker's task from one that
  // leaves it pending forever (process 'exit' fires in a worker thread that calls process.exit).
  process.on('exit', (code) => announce(bootstrap.readyChannel, { type: 'exited', code }));
  lowerPriority(bootstrap.nice);
  try {
    const suite = await importSuite(bootstrap.suiteUrl);
    // Before `ready`, as bench's own workers do: part of this worker's start-up, in no task's time.
    const setupMs = await setUpSuite(suite, 'a worker thread').catch((error: unknown) => {
      throw new SetupFailed(errorMessage(error));
    });
    const ready = (): PeerWorkerNews => ({
      type: 'ready',
      startedAt,
      readyAt: wallClockMs(),
      ...(setupMs === undefined ? {} : { setupMs }),
    });
    // Failures leave as the Error bench's own hosts would report (peer-task.ts), never as the library words them.
    const run = peerTask(suite, bootstrap.maxOutputDepth);
    if (!bootstrap.stamps) {
      announce(bootstrap.readyChannel, ready());
      return run;
    }
    const timed = timedPeerRun(run, new Float64Array(bootstrap.stamps));
    if (clockSync === 'first') {
      timed.useClock(await peerClock(bootstrap.readyChannel));
      announce(bootstrap.readyChannel, ready());
      return timed.run;
    }
    // poolifier on Deno loses its start-up handshake when a worker's module takes longer to
    // evaluate (measured: a 200 ms delay hangs its first task, with or without phases), so its
    // run is handed over as soon as without phases. `ready` follows the sync, so the executor's
    // first tasks find the clock set.
    peerClock(bootstrap.readyChannel).then(
      (clock) => {
        timed.useClock(clock);
        announce(bootstrap.readyChannel, ready());
      },
      (error: unknown) =>
        announce(bootstrap.readyChannel, { type: 'failed', message: `the clock sync failed in a worker: ${errorMessage(error)}` }),
    );
    return timed.run;
  } catch (error) {
    // A setup()'s failure already names itself and where, as bench's own workers name it.
    const message =
      error instanceof SetupFailed ? error.message : `the suite did not load in a worker: ${errorMessage(error, { withName: true })}`;
    announce(bootstrap.readyChannel, { type: 'failed', message });
    // The worker stays up and fails each task it is given with that line rather than die (a throw
    // here fails the entry file's import): a worker's 'error' event while tinypool's destroy()
    // waits for its exit throws inside tinypool (2.2: its events.once() on a worker wrapper that
    // has no removeListener) and ends the cell. The executor's start() fails on the line above, so
    // normally no task reaches this; piscina and poolifier report the cell the same either way.
    return () => {
      throw new Error(message);
    };
  }
}
