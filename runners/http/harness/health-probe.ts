/**
 * Probes GET /health during the load, one request at a time on its own keep-alive
 * connection, with a short pause between probes. The route costs the server nothing, so
 * its latency is the time a request waits for the server's main thread: the figure that
 * shows whether the CPU work blocks the event loop.
 */
import http from 'node:http';

export interface HealthOutcome {
  samplesMs: number[];
  failures: number;
}

export interface HealthProbe {
  /** Stops probing; resolves once the probe in flight (if any) has ended. */
  stop(): Promise<HealthOutcome>;
}

export function startHealthProbe(port: number, intervalMs: number, timeoutMs: number): HealthProbe {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const outcome: HealthOutcome = { samplesMs: [], failures: 0 };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;

  const probeOnce = (): Promise<void> =>
    new Promise((resolve) => {
      const sentAt = performance.now();
      let settled = false;
      // A request can fail after its response began: count each probe once.
      const settle = (ok: boolean): void => {
        if (settled) return;
        settled = true;
        if (ok) outcome.samplesMs.push(performance.now() - sentAt);
        else outcome.failures++;
        resolve();
      };
      const request = http.get({ host: '127.0.0.1', port, path: '/health', agent, timeout: timeoutMs }, (response) => {
        response.resume();
        response.on('end', () => settle(response.statusCode === 200));
        response.on('error', () => settle(false));
      });
      request.on('timeout', () => request.destroy(new Error('health probe timed out')));
      request.on('error', () => settle(false));
    });

  const loop = (): void => {
    if (stopped) return;
    inFlight = probeOnce().then(() => {
      if (!stopped) timer = setTimeout(loop, intervalMs);
    });
  };
  loop();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      agent.destroy();
      return outcome;
    },
  };
}
