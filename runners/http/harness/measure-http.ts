/**
 * One strategy under HTTP load: start its server, warm it up (untimed), then the
 * measured window (load + /health probe + the server's own counters and event-loop
 * delay), then stop the server. Whatever happens, the server's process group is killed.
 */
import { startForeignCpuMeter } from '../../orchestrate/foreign-cpu.js';
import type { CellResult, HttpLoadConfig } from '../../contract/results.js';
import { CellInterrupted } from '../../orchestrate/spawn-cell.js';
import { errorMessage } from '../../common/error-message.js';
import type { RuntimeInstall } from '../../runtimes/locate.js';
import { startHealthProbe } from './health-probe.js';
import { errored, httpCell, type HttpCellKey } from './http-cell.js';
import { driveLoad, type LoadOptions, type LoadOutcome } from './load.js';
import type { ServerSpec } from '../../contract/http-protocol.js';
import { startServer, type RunningServer } from './server-process.js';

/** A server that does not listen by then will not: worker and child start-up takes well under a second. */
const START_TIMEOUT_MS = 30_000;

/** One server's life: what it runs, on which runtime, for how long at most. */
export interface ServerSession {
  spec: ServerSpec;
  /** Absent: this CLI's Node. */
  runtime?: RuntimeInstall | undefined;
  load: HttpLoadConfig;
  /** The whole session (start, warm-up, window, stop) runs at most this long, then fails. */
  cellTimeoutMs: number;
}

export interface HttpCellRequest extends ServerSession {
  key: HttpCellKey;
}

/** What a session's measuring step gets: the started server, its load options for `path`, and a check between phases. */
export interface SessionTools {
  server: RunningServer;
  loadOptions(path: string): LoadOptions;
  /** Throws once the session was aborted (Ctrl-C or its deadline): call it between phases. */
  checkpoint(): void;
  signal: AbortSignal;
}

/**
 * Starts the session's server and runs `measure` on it; an error or the deadline becomes
 * `failed(message)`, Ctrl-C (`signal`) rejects with CellInterrupted. The server's group is
 * killed whatever happens.
 */
export async function withServer<T>(
  session: ServerSession,
  signal: AbortSignal,
  measure: (tools: SessionTools) => Promise<T>,
  failed: (message: string) => T,
): Promise<T> {
  const { spec, load } = session;
  const cell = new AbortController();
  const onAbort = (): void => cell.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  let server: RunningServer | undefined;
  // The deadline stops the load and kills the server, which rejects whatever waits on it.
  const deadline = setTimeout(() => {
    cell.abort('timeout');
    void server?.stop();
  }, session.cellTimeoutMs);
  // Between phases: an abort (Ctrl-C or the deadline) ends the session; the catch below says which.
  const checkpoint = (): void => {
    if (cell.signal.aborted) throw new Error('aborted');
  };

  try {
    server = await startServer(spec, START_TIMEOUT_MS, session.runtime);
    checkpoint();
    const port = server.port;
    const loadOptions = (path: string): LoadOptions => ({
      url: `http://127.0.0.1:${port}${path}`,
      connections: load.connections,
      pipelining: load.pipelining,
      timeoutS: load.requestTimeoutMs / 1000,
    });
    return await measure({ server, loadOptions, checkpoint, signal: cell.signal });
  } catch (error) {
    if (signal.aborted) throw new CellInterrupted('interrupted');
    if (cell.signal.aborted)
      return failed(`timed out after ${session.cellTimeoutMs / 1000}s (raise --cell-timeout if the server is this slow)`);
    return failed(errorMessage(error));
  } finally {
    clearTimeout(deadline);
    signal.removeEventListener('abort', onAbort);
    await server?.stop();
  }
}

/** The untimed warm-up, then the measured window's load on `path` (`beforeWindow` starts what runs beside it). */
export async function warmThenMeasure(
  tools: SessionTools,
  load: HttpLoadConfig,
  path: string,
  beforeWindow: () => Promise<void> = async () => {},
): Promise<LoadOutcome> {
  const base = tools.loadOptions(path);
  if (load.warmupMs > 0) await driveLoad({ ...base, durationS: load.warmupMs / 1000 }, tools.signal);
  tools.checkpoint();
  await beforeWindow();
  const window = load.amount !== null ? { amount: load.amount } : { durationS: (load.durationMs ?? 0) / 1000 };
  return driveLoad({ ...base, ...window }, tools.signal);
}

/** Resolves with the cell; rejects with CellInterrupted when `signal` aborts (Ctrl-C). */
export function measureHttpCell(request: HttpCellRequest, signal: AbortSignal): Promise<CellResult> {
  const { key, load } = request;
  return withServer<CellResult>(
    request,
    signal,
    async (tools) => {
      const { server } = tools;
      let foreign: ReturnType<typeof startForeignCpuMeter> | undefined;
      let probe: ReturnType<typeof startHealthProbe> | undefined;
      const outcome = await warmThenMeasure(tools, load, `/${key.suite}?size=${key.size}`, async () => {
        await server.measureStart();
        foreign = startForeignCpuMeter();
        probe = load.healthProbe ? startHealthProbe(server.port, load.healthIntervalMs, load.requestTimeoutMs) : undefined;
      });
      const foreignCpuShare = foreign?.stop() ?? null;
      const health = await probe?.stop();
      tools.checkpoint();
      const stats = await server.measureStop();
      return httpCell(key, { load: outcome, health, server: stats, peakRssBytes: server.peakRssBytes(), foreignCpuShare });
    },
    (message) => errored(key, message),
  );
}
