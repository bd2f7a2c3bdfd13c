/**
 * A worker thread behind one small interface, started either through
 * node:worker_threads or through the global Web `Worker` (Bun's starts several times
 * faster, and takes `smol`). Inside, both kinds see node:worker_threads' parentPort and
 * workerData, so the entry files are the same.
 */
import { Worker as NodeWorker } from 'node:worker_threads';
import type { ThreadApi, ThreadOptions } from '../contract/protocol.js';
import { isOutOfMemory, outOfMemoryCause } from '../common/stderr-cause.js';
import { errorOfEvent } from './web-worker-error.js';

export type { ThreadApi, ThreadOptions };

export interface Thread {
  post(message: unknown, transfer?: Transferable[]): void;
  onMessage(handler: (message: unknown) => void): void;
  /** Called once when the thread dies on its own (uncaught error or exit). */
  onExit(handler: (cause: Error) => void): void;
  terminate(): Promise<void>;
}

interface WebWorker {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: string, listener: (event: { data?: unknown; error?: unknown; message?: string; code?: number }) => void): void;
  terminate(): void;
}
type WebWorkerConstructor = new (url: string, options: { workerData: unknown; smol?: boolean }) => WebWorker;

export function webWorkerAvailable(): boolean {
  return typeof (globalThis as { Worker?: unknown }).Worker === 'function' && 'Bun' in globalThis;
}

export function spawnThread(entry: URL, workerData: unknown, options: ThreadOptions): Thread {
  return options.api === 'web' && webWorkerAvailable()
    ? spawnWebThread(entry, workerData, options)
    : spawnNodeThread(entry, workerData, options.heapMb);
}

/**
 * A worker's death as reported: one that ran out of memory (Node's ERR_WORKER_OUT_OF_MEMORY,
 * or a runtime's out-of-memory words) names its --max-heap; any other as it came.
 */
function deathOf(error: Error, heapMb: number | undefined): Error {
  const code = (error as { code?: unknown }).code;
  return code === 'ERR_WORKER_OUT_OF_MEMORY' || isOutOfMemory(error.message)
    ? new Error(`worker thread ${outOfMemoryCause(error.message, heapMb)}`)
    : error;
}

/**
 * The worker's own heap limit. Not on Deno (2.9.6): a worker that reaches its resourceLimits
 * while running a task (in a message handler) stops without an 'error' or 'exit' event, so its
 * pool waits for it until the cell times out. Without them, the --v8-flags=--max-old-space-size
 * the cell was started with (runtimes/launch.ts) bounds each worker's heap too, and V8 ends the
 * cell with "Fatal JavaScript out of memory", which its reason names: the cell dies, not only
 * the worker, but at once and with the cause.
 */
function resourceLimits(heapMb: number | undefined): { resourceLimits?: { maxOldGenerationSizeMb: number } } {
  return heapMb === undefined || 'Deno' in globalThis ? {} : { resourceLimits: { maxOldGenerationSizeMb: heapMb } };
}

/**
 * What a worker threw, as an Error. Node hands some throws over as plain objects (a
 * DOMException arrives as `{}`), which would print as "[object Object]".
 */
function asError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  const message = (thrown as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && message !== '') return new Error(message);
  let shown: string;
  try {
    shown = typeof thrown === 'object' && thrown !== null && Object.keys(thrown).length > 0 ? JSON.stringify(thrown) : String(thrown);
  } catch {
    shown = Object.prototype.toString.call(thrown); // circular, or holding a BigInt
  }
  return new Error(
    `worker thread threw a non-Error: ${shown === '{}' || shown === '[object Object]' ? 'an object without a message (a DOMException, e.g. DataCloneError, arrives so)' : shown}`,
  );
}

function spawnNodeThread(entry: URL, workerData: unknown, heapMb: number | undefined): Thread {
  // Bun ignores resourceLimits: the CLI's memory watchdog bounds its cell (orchestrate/rss-watchdog.ts).
  const worker = new NodeWorker(entry, { workerData, ...resourceLimits(heapMb) });
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer as never),
    onMessage: (handler) => {
      worker.on('message', handler);
    },
    onExit(handler) {
      worker.on('error', (error) => handler(deathOf(asError(error), heapMb)));
      worker.on('exit', (code) => handler(new Error(`worker thread exited with code ${code}`)));
    },
    async terminate() {
      await worker.terminate();
    },
  };
}

function spawnWebThread(entry: URL, workerData: unknown, options: ThreadOptions): Thread {
  // Bun's global Worker (webWorkerAvailable checked it is there) takes workerData and smol, which the DOM type lacks.
  const WebWorkerClass: WebWorkerConstructor = (globalThis as typeof globalThis & { Worker: WebWorkerConstructor }).Worker;
  const worker = new WebWorkerClass(entry.href, { workerData, smol: options.smol });
  // Bun fires 'close' once: a worker that already died must not be waited for again.
  let exited = false;
  let closed: Promise<void> | undefined;
  let resolveClosed: (() => void) | undefined;
  worker.addEventListener('close', () => {
    exited = true;
    resolveClosed?.();
  });
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    onMessage: (handler) => worker.addEventListener('message', (event) => handler(event.data)),
    onExit(handler) {
      // Bun's event message opens with the source lines around the throw: the error alone is kept.
      worker.addEventListener('error', (event) => handler(deathOf(errorOfEvent(event), options.heapMb)));
      worker.addEventListener('close', (event) => handler(new Error(`worker thread exited with code ${event.code ?? 0}`)));
    },
    terminate() {
      if (exited) return Promise.resolve();
      closed ??= new Promise<void>((resolve) => {
        resolveClosed = resolve;
        worker.terminate();
      });
      return closed;
    },
  };
}
