/**
 * Both ends of the start-up clock sync of --phases. The host (worker thread, child process,
 * peer worker) pings the cell a few times before it reports ready and keeps the offset of
 * the fastest round trip; from then on it stamps its runs on the cell's clock, so the cell
 * subtracts stamps from both sides directly. The host measures, not the cell, because a peer
 * pool's cell cannot address one of the library's workers: it can only answer it.
 */
import { CLOCK_PINGS, type ClockPing, type ClockPong } from '../contract/phases.js';
import { cellClock, hostRawClock, offsetFromPings, type PingSample } from '../common/phase-clock.js';

/** The cell's answer to a ping, stamped as late as possible: just before it is posted. */
export function clockPong(to?: string): ClockPong {
  return to === undefined ? { type: 'clock-pong', at: cellClock() } : { type: 'clock-pong', to, at: cellClock() };
}

/**
 * Host side: `exchange` posts a ping and resolves with the cell's pong. Returns the host's
 * clock on the cell's time base. The pings run one after another, before any task.
 */
export async function syncedClock(exchange: (ping: ClockPing) => Promise<ClockPong>, from?: string): Promise<() => number> {
  const raw = hostRawClock();
  const ping: ClockPing = from === undefined ? { type: 'clock-ping' } : { type: 'clock-ping', from };
  const samples: PingSample[] = [];
  for (let i = 0; i < CLOCK_PINGS; i++) {
    const sentAt = raw();
    const pong = await exchange(ping);
    samples.push({ sentAt, at: pong.at, receivedAt: raw() });
  }
  const offset = offsetFromPings(samples);
  return () => raw() + offset;
}

/**
 * syncedClock over a worker's parentPort or a child's process: `listenOnce` takes the next
 * message (`port.once('message', …)`), `post` sends the ping.
 */
export function syncOverMessages(
  listenOnce: (listener: (message: unknown) => void) => void,
  post: (ping: ClockPing) => void,
): Promise<() => number> {
  return syncedClock(
    (ping) =>
      new Promise<ClockPong>((resolve) => {
        listenOnce((message) => resolve(message as ClockPong));
        post(ping);
      }),
  );
}
