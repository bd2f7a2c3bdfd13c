import { fork } from 'node:child_process';
import type { Value } from '../../../suites/suite.js';
import { fromWire, toWire, type WireValue } from './json-codec.js';
import type { ExecutorMessage, WireTaskMessage } from '../../contract/protocol.js';
import { type Channel, type ChannelOptions, ChannelState } from '../channel.js';

const ENTRY = new URL('./child-entry.js', import.meta.url);

/** A child process (fork + IPC). Payloads cross as JSON: the portable wire format. */
export function spawnChildChannel({ suiteUrl, nice }: ChannelOptions): Channel {
  const state = new ChannelState();
  const child = fork(ENTRY, [suiteUrl, String(nice)], { serialization: 'json', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 0;

  child.on('message', (raw) => {
    const message = raw as ExecutorMessage<WireValue>;
    if (message.type === 'ready') state.markReady();
    else if (message.type === 'result') {
      // An output that cannot be decoded fails its task, not the cell.
      let output: Value;
      try {
        output = fromWire(message.output);
      } catch (error) {
        state.fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      state.succeed(output);
    }
    else state.fail(new Error(message.message));
  });
  child.on('error', (error) => state.die(error));
  child.on('exit', (code, signal) => {
    state.die(new Error(`child process exited with ${signal ? `signal ${signal}` : `code ${code}`}`));
  });

  return {
    ready: state.ready,
    run(input: Value) {
      const result = state.begin();
      const message: WireTaskMessage = { type: 'task', id: nextId++, input: toWire(input) };
      if (!state.dead) child.send(message);
      return result;
    },
    onDeath: (handler) => state.onDeath(handler),
    async close() {
      state.closing = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Disconnecting lets the child end on its own; the kill is for one that will not.
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
