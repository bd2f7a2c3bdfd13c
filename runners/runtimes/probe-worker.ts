/** The probe's worker: answers the capability questions that must be asked from inside a thread. */
import { parentPort, resourceLimits } from 'node:worker_threads';
import { errorMessage } from '../common/error-message.js';

export type ProbeRequest = { type: 'transfer'; buffer: ArrayBuffer } | { type: 'wait'; shared: SharedArrayBuffer } | { type: 'limits' };
export type ProbeReply =
  | { type: 'ready' }
  | { type: 'transferred'; byteLength: number }
  | { type: 'waiting' }
  | { type: 'woken'; result: string }
  | { type: 'limits'; maxOldGenerationSizeMb: number | undefined }
  | { type: 'failed'; message: string };

const port = parentPort!;
const reply = (message: ProbeReply): void => port.postMessage(message);

port.on('message', (request: ProbeRequest) => {
  try {
    if (request.type === 'transfer') reply({ type: 'transferred', byteLength: request.buffer.byteLength });
    else if (request.type === 'limits') reply({ type: 'limits', maxOldGenerationSizeMb: resourceLimits?.maxOldGenerationSizeMb });
    else {
      reply({ type: 'waiting' });
      // Blocks this thread until the probe's main thread notifies (or 2 s pass).
      reply({ type: 'woken', result: Atomics.wait(new Int32Array(request.shared), 0, 0, 2_000) });
    }
  } catch (error) {
    reply({ type: 'failed', message: errorMessage(error) });
  }
});
reply({ type: 'ready' });
