/**
 * The harness's handle on one server process: started under the same supervisor as cells
 * (cell-supervisor.ts: a process group, a cgroup where one can be made, a watcher that ends
 * the whole tree if the CLI dies, even by SIGKILL), under the same memory watchdog as cells
 * (rss-watchdog.ts: --max-heap's budget for the server and its workers), spoken to over IPC,
 * and always ended with a kill of the whole tree, so no server, worker, child, cluster process
 * or anything they started outlives the run (not even when the harness exits on an error).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { canSupervise, cellEnding, endSupervised, supervise } from '../../orchestrate/cell-supervisor.js';
import { scratchPrefix } from '../../orchestrate/run-leftovers.js';
import { memoryBudget, RssWatchdog, sampleTree } from '../../orchestrate/rss-watchdog.js';
import { killGroup } from '../../orchestrate/spawn-cell.js';
import { causeIn, explainCause, isOutOfMemory, STDERR_TAIL_CHARS } from '../../common/stderr-cause.js';
import { terminalSafe } from '../../common/terminal-safe.js';
import type { HarnessMessage, ServerMessage, ServerSpec, ServerStats } from '../../contract/http-protocol.js';
import { peerPackageOf, strategyFacts } from '../../contract/strategies.js';
import { launchCommand, suiteReadDirs, type Launch } from '../../runtimes/launch.js';
import type { RuntimeInstall } from '../../runtimes/locate.js';

const ENTRY = new URL('../server/server-entry.js', import.meta.url);
/** A server asked to shut down gets this long to exit on its own before the group is killed. */
const SHUTDOWN_GRACE_MS = 3_000;
/** How long a failed send waits for the server's exit to give the reason instead. */
const SEND_FAILURE_GRACE_MS = 2_000;

type Reply<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export interface RunningServer {
  readonly pid: number;
  readonly port: number;
  /** Resets the server's counters and starts its event-loop probe; resolves once it did. */
  measureStart(): Promise<void>;
  /** The server's figures for the window since measureStart. */
  measureStop(): Promise<ServerStats>;
  /** Peak RSS of the server and all its descendants so far. */
  peakRssBytes(): number;
  /** Asks the server to exit, then kills its process group whatever happened. */
  stop(): Promise<void>;
}

/** This CLI's own Node: where a server runs unless a runtime is named. */
const THIS_NODE: RuntimeInstall = { name: 'node', path: process.execPath, version: process.versions.node };

/**
 * The server's command line on `runtime`, with what it needs allowed and no more (Deno's
 * permissions: read the project and the suite, listen on 127.0.0.1 only, run itself where the
 * strategy forks, set its workers' priority where --worker-nice asks). The heap limit is the
 * server's own; cluster processes inherit it (cluster.fork passes the runtime's flags on).
 */
export function serverLaunch(spec: ServerSpec, runtime: RuntimeInstall = THIS_NODE): Launch {
  const facts = strategyFacts(spec.strategy);
  return launchCommand(runtime, fileURLToPath(ENTRY), [JSON.stringify(spec)], {
    readDirs: suiteReadDirs(spec.suiteUrl),
    forks: facts?.kind === 'process',
    setsPriority: spec.workerNice > 0,
    readsCpus: peerPackageOf(spec.strategy) !== undefined,
    listens: true,
    sharesPort: facts?.eachServerRuns !== undefined,
    ...(spec.heapMb === undefined ? {} : { heapMb: spec.heapMb }),
  });
}

/** `runtime`: the runtime that serves (absent: this CLI's Node). */
export function startServer(spec: ServerSpec, startTimeoutMs: number, runtime?: RuntimeInstall): Promise<RunningServer> {
  const launch = serverLaunch(spec, runtime);
  // The server writes nothing; the supervisor may list there what the server left (no cgroup).
  const scratch = canSupervise() ? mkdtempSync(scratchPrefix('server')) : undefined;
  const supervised = scratch === undefined ? undefined : supervise(launch, scratch, { what: 'server', ipc: true });
  const started = supervised?.launch ?? launch;
  const child = spawn(started.command, started.args, {
    detached: true, // its own process group: one kill reaches every worker, child and cluster process
    stdio: supervised?.stdio ?? ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  const pid = child.pid!;
  supervised?.adopt(child); // before the 'exit' listener below: what the server left is counted before the group kill
  const killOnExit = (): void => killGroup(pid);
  process.on('exit', killOnExit);
  // The shell and its watcher are not the server's: their memory is left out.
  const supervisors = (): Set<number> => new Set(supervised?.supervisors() ?? []);

  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
  });
  // Off the heap (typed arrays) and on Bun no heap flag holds the server: the watchdog does.
  const watchdog = spec.heapMb === undefined ? undefined : new RssWatchdog(memoryBudget(spec.heapMb, spec.workers, 'server'));
  const sampler = sampleTree(pid, supervisors, watchdog, () => killGroup(pid));

  // Every reply and failure goes through one waiter at a time: the harness asks, then awaits.
  let waiter: { type: ServerMessage['type']; resolve: (message: ServerMessage) => void; reject: (error: Error) => void } | undefined;
  let gone: Error | undefined;
  const fail = (error: Error): void => {
    gone ??= error;
    const current = waiter;
    waiter = undefined;
    current?.reject(gone);
  };
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      sampler.stop();
      // Ended by the watchdog: how it died (SIGKILL, from us) says nothing of why.
      if (watchdog?.reason !== undefined) {
        fail(new Error(watchdog.reason));
        return resolve();
      }
      const cause = causeIn(stderr);
      // Out of memory is named with the limit it hit, as a cell's is; else the last line it wrote.
      const said =
        cause !== undefined && isOutOfMemory(cause) ? explainCause(cause, spec.heapMb) : stderr.trim().split('\n').filter(Boolean).at(-1);
      const how =
        supervised === undefined ? (signal ? `was killed by ${signal}` : `exited with code ${code}`) : cellEnding(code, signal).how;
      fail(new Error(`server process ${how}${said ? `: ${said}` : ''}`));
      resolve();
    });
  });
  child.on('error', (error) => fail(error));
  /**
   * A message that could not be sent (EPIPE) most often means the server just died: its exit,
   * which follows, says why (out of memory, a crash) where "write EPIPE" would not. The send's
   * own error stands only if no exit comes.
   */
  const failUnlessExiting = (error: Error): void => {
    const timer = setTimeout(() => fail(error), SEND_FAILURE_GRACE_MS);
    void exited.then(() => clearTimeout(timer));
  };
  child.on('message', (raw) => {
    const message = raw as ServerMessage;
    if (message.type === 'fatal') return fail(new Error(`server failed: ${message.message}`));
    if (waiter?.type === message.type) {
      const current = waiter;
      waiter = undefined;
      current.resolve(message);
    }
  });

  const ask = <T extends ServerMessage['type']>(message: HarnessMessage | undefined, reply: T): Promise<Reply<T>> => {
    if (gone) return Promise.reject(gone);
    return new Promise<ServerMessage>((resolve, reject) => {
      waiter = { type: reply, resolve, reject };
      if (message) child.send(message, (error) => error && failUnlessExiting(error));
    }) as Promise<Reply<T>>;
  };

  const stop = async (): Promise<void> => {
    if (!gone && child.connected) {
      child.send({ type: 'shutdown' } satisfies HarnessMessage);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        exited,
        new Promise((resolve) => {
          timer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
        }),
      ]);
      clearTimeout(timer);
    }
    killGroup(pid); // leftovers: a child that ignored the shutdown, a server that hung
    // And what had left the group: a cgroup, the supervisor's list or the token still names it.
    const reaped = supervised === undefined ? undefined : endSupervised(supervised, child);
    if (reaped !== undefined) process.stderr.write(`bench: ${terminalSafe(reaped)}\n`);
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    sampler.stop();
    process.off('exit', killOnExit);
    child.removeAllListeners('message');
    if (child.connected) child.disconnect();
  };

  let startTimer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    startTimer = setTimeout(() => reject(new Error(`server did not listen within ${startTimeoutMs / 1000}s`)), startTimeoutMs);
  });
  return Promise.race([ask(undefined, 'listening'), timedOut]).then(
    ({ port }) => {
      clearTimeout(startTimer);
      return {
        pid,
        port,
        measureStart: async () => {
          await ask({ type: 'measure-start' }, 'measuring');
        },
        measureStop: async () => (await ask({ type: 'measure-stop' }, 'stats')).stats,
        peakRssBytes: () => sampler.peak(),
        stop,
      };
    },
    async (error: Error) => {
      clearTimeout(startTimer);
      await stop();
      throw error;
    },
  );
}
