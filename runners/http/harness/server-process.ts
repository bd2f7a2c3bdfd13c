/**
 * The harness's handle on one server process: started in a process group of its own,
 * watched for memory, spoken to over IPC, and always ended with a kill of the whole
 * group, so no server, worker, child or cluster process outlives the run (not even
 * when the harness exits on an error).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { canSampleProcessTree, processTreeRss } from '../../orchestrate/process-tree-rss.js';
import { killGroup } from '../../orchestrate/spawn-cell.js';
import type { HarnessMessage, ServerMessage, ServerSpec, ServerStats } from '../../contract/http-protocol.js';

const ENTRY = new URL('../server/server-entry.js', import.meta.url);
/** Often enough to catch a forked child's peak, rarely enough to cost nothing measurable. */
const RSS_SAMPLE_MS = 50;
const STDERR_TAIL_CHARS = 2_000;
/** A server asked to shut down gets this long to exit on its own before the group is killed. */
const SHUTDOWN_GRACE_MS = 3_000;

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

export function startServer(spec: ServerSpec, startTimeoutMs: number): Promise<RunningServer> {
  const child = spawn(process.execPath, [fileURLToPath(ENTRY), JSON.stringify(spec)], {
    detached: true, // its own process group: one kill reaches every worker, child and cluster process
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  const pid = child.pid!;
  const killOnExit = (): void => killGroup(pid);
  process.on('exit', killOnExit);

  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
  });
  let treePeak = 0;
  const sampler = canSampleProcessTree()
    ? setInterval(() => {
        treePeak = Math.max(treePeak, processTreeRss(pid));
      }, RSS_SAMPLE_MS)
    : undefined;

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
      clearInterval(sampler);
      const lastLine = stderr.trim().split('\n').filter(Boolean).at(-1);
      fail(
        new Error(`server process ${signal ? `was killed by ${signal}` : `exited with code ${code}`}${lastLine ? `: ${lastLine}` : ''}`),
      );
      resolve();
    });
  });
  child.on('error', (error) => fail(error));
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
      if (message) child.send(message);
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
    clearInterval(sampler);
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
        peakRssBytes: () => treePeak,
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
