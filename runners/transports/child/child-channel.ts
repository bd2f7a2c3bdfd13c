import { fork } from 'node:child_process';
import type { Value } from '../../../suites/suite.js';
import { wireCodec } from './wire-codec.js';
import type { ExecutorMessage, TaskMessage, WireTaskMessage } from '../../contract/protocol.js';
import { type Channel, type ChannelOptions, ChannelState } from '../channel.js';
import { toError } from '../../common/error-message.js';
import { causeIn, explainCause, STDERR_TAIL_CHARS } from '../../common/stderr-cause.js';
import type { TaskTiming } from '../../common/phase-timing.js';
import { clockPong } from '../clock-sync.js';
import { deepestReceivable } from '../../common/output-depth.js';

/** How long a dead child's stderr may take to drain before its death is reported without it. */
const STDERR_DRAIN_MS = 200;

const ENTRY = new URL('./child-entry.js', import.meta.url);

/**
 * A child's heap limit: Node's flag, which Deno's fork passes on as
 * --v8-flags=--max-old-space-size (its execArgv is empty). Bun has no heap limit (it would
 * ignore the flag): the CLI's memory watchdog bounds its children (orchestrate/rss-watchdog.ts).
 */
function heapOptions(heapMb: number | undefined): { execArgv?: string[] } {
  if (heapMb === undefined || 'Bun' in globalThis) return {};
  return { execArgv: [...process.execArgv, `--max-old-space-size=${heapMb}`] };
}

/**
 * A child process (fork + IPC). Payloads cross as JSON, the portable wire format, or with
 * the `advanced` transport through V8's serializer (wire-codec.ts).
 */
export function spawnChildChannel({ suiteUrl, nice, thread, transport, phases }: ChannelOptions): Channel {
  const state = new ChannelState();
  const codec = wireCodec(transport);
  const maxOutputDepth = deepestReceivable();
  const args = [suiteUrl, String(nice), codec.serialization, phases ? 'phases' : 'plain', String(maxOutputDepth ?? '')];
  const child = fork(ENTRY, args, {
    serialization: codec.serialization,
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    ...heapOptions(thread.heapMb),
  });
  // Piped, not inherited: its last words say why it died (an import error, an out-of-memory
  // abort); passed on to the cell's stderr as they come.
  let stderr = '';
  let stderrEnded = false;
  child.stderr!.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
  });
  child.stderr!.on('end', () => {
    stderrEnded = true;
  });
  let nextId = 0;

  child.on('message', (raw) => {
    const message = raw as ExecutorMessage<unknown>;
    if (message.type === 'ready') state.markReady(message.setupMs);
    else if (message.type === 'result') {
      // An output that cannot be decoded fails its task, not the cell.
      let output: Value;
      try {
        output = codec.decode(message.output);
      } catch (error) {
        state.fail(toError(error));
        return;
      }
      state.succeed(output, message.run);
    } else if (message.type === 'clock-ping') child.send(clockPong());
    else state.fail(new Error(message.message));
  });
  child.on('error', (error) => state.die(error));
  child.on('exit', (code, signal) => {
    const report = (): void => {
      const cause = explainCause(causeIn(stderr), thread.heapMb);
      state.die(new Error(`child process exited with ${signal ? `signal ${signal}` : `code ${code}`}${cause ? `: ${cause}` : ''}`));
    };
    // A grandchild holding the pipe open must not delay the report for long.
    if (stderrEnded) return report();
    const timer = setTimeout(report, STDERR_DRAIN_MS);
    child.stderr!.once('end', () => {
      clearTimeout(timer);
      report();
    });
  });

  return {
    ready: state.ready,
    capacity: state.capacity,
    run(input: Value, timing?: TaskTiming) {
      const result = state.begin(timing);
      const message = { type: 'task', id: nextId++, input: codec.encode(input) } as WireTaskMessage | TaskMessage;
      if (!state.dead) child.send(message);
      return result;
    },
    onDeath: (handler) => state.onDeath(handler),
    async close() {
      state.closing = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Disconnecting lets the child end on its own; the kill is for one that will not. A child
      // that died has closed IPC before its 'exit' arrives: Deno's disconnect() then throws
      // "IPC channel is already disconnected" (Node's emits it as 'error'), which would reject
      // this close and become the cell's reason in place of the child's own error.
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
