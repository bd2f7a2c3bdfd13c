/**
 * One strategy under HTTP load: start its server, warm it up (untimed), then the
 * measured window (load + /health probe + the server's own counters and event-loop
 * delay), then stop the server. Whatever happens, the server's process group is killed.
 */
import { startForeignCpuMeter } from '../../orchestrate/foreign-cpu.js';
import type { CellResult, HttpLoadConfig } from '../../contract/results.js';
import { CellInterrupted } from '../../orchestrate/spawn-cell.js';
import { errorMessage } from '../../common/error-message.js';
import { startHealthProbe } from './health-probe.js';
import { errored, httpCell, type HttpCellKey } from './http-cell.js';
import { driveLoad, type LoadOptions } from './load.js';
import type { ServerSpec } from '../../contract/http-protocol.js';
import { startServer, type RunningServer } from './server-process.js';

/** A server that does not listen by then will not: worker and child start-up takes well under a second. */
const START_TIMEOUT_MS = 30_000;

export interface HttpCellRequest {
  key: HttpCellKey;
  spec: ServerSpec;
  load: HttpLoadConfig;
  /** The whole cell (start, warm-up, window, stop) runs at most this long, then errors. */
  cellTimeoutMs: number;
}

/** Resolves with the cell; rejects with CellInterrupted when `signal` aborts (Ctrl-C). */
export async function measureHttpCell(request: HttpCellRequest, signal: AbortSignal): Promise<CellResult> {
  const { key, spec, load } = request;
  const cell = new AbortController();
  const onAbort = (): void => cell.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  let server: RunningServer | undefined;
  // The deadline stops the load and kills the server, which rejects whatever waits on it.
  const deadline = setTimeout(() => {
    cell.abort('timeout');
    void server?.stop();
  }, request.cellTimeoutMs);
  // Between phases: an abort (Ctrl-C or the deadline) ends the cell; the catch below says which.
  const checkpoint = (): void => {
    if (cell.signal.aborted) throw new Error('aborted');
  };

  try {
    server = await startServer(spec, START_TIMEOUT_MS);
    checkpoint();
    const base: LoadOptions = {
      url: `http://127.0.0.1:${server.port}/${key.suite}?size=${key.size}`,
      connections: load.connections,
      pipelining: load.pipelining,
      timeoutS: load.requestTimeoutMs / 1000,
    };
    if (load.warmupMs > 0) await driveLoad({ ...base, durationS: load.warmupMs / 1000 }, cell.signal);
    checkpoint();

    await server.measureStart();
    const foreign = startForeignCpuMeter();
    const probe = load.healthProbe ? startHealthProbe(server.port, load.healthIntervalMs, load.requestTimeoutMs) : undefined;
    const window = load.amount !== null ? { amount: load.amount } : { durationS: (load.durationMs ?? 0) / 1000 };
    const outcome = await driveLoad({ ...base, ...window }, cell.signal);
    const foreignCpuShare = foreign.stop();
    const health = await probe?.stop();
    checkpoint();
    const stats = await server.measureStop();
    return httpCell(key, { load: outcome, health, server: stats, peakRssBytes: server.peakRssBytes(), foreignCpuShare });
  } catch (error) {
    if (signal.aborted) throw new CellInterrupted('interrupted');
    if (cell.signal.aborted)
      return errored(key, `timed out after ${request.cellTimeoutMs / 1000}s (raise --cell-timeout if the server is this slow)`);
    return errored(key, errorMessage(error));
  } finally {
    clearTimeout(deadline);
    signal.removeEventListener('abort', onAbort);
    await server?.stop();
  }
}
