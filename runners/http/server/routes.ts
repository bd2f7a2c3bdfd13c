/**
 * Request routing of the benchmark server:
 *   GET /<suite>?size=N  one task through the strategy's executor; 200 with the verified output
 *   GET /health          answered at once by the server's main thread (shows if it is free)
 * A full queue answers 503 with Retry-After; a task that throws or whose worker dies, 500;
 * an output the suite rejects, 500 (and the cell errors). Every outcome is counted.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Suite, Value } from '../../../suites/suite.js';
import type { Executor } from '../../executors/executor.js';
import { InputBank } from '../../cell/input-bank.js';
import { toWire } from '../../transports/child/json-codec.js';
import { OutputVerifier } from '../../cell/output-verifier.js';
import { isTypedArray } from '../../common/typed-arrays.js';
import { QueueFullError } from './admission.js';
import type { ServerCounters } from '../../contract/http-protocol.js';

/** Sizes whose inputs are kept at once: a client asking for many sizes cannot grow memory. */
const MAX_SIZES = 8;
/** Typed arrays larger than this are described, not sent: the route measures CPU work, not bytes. */
const MAX_OUTPUT_BYTES = 512;
/** Seconds a refused client should wait before retrying. */
const RETRY_AFTER_S = '1';

export interface RouterOptions {
  suite: Suite;
  executor: Executor;
  defaultSize: number;
  seed: number;
}

export interface Router {
  handle(request: IncomingMessage, response: ServerResponse): void;
  readonly counters: ServerCounters;
  /** Zeroes the counters: the measured window starts. */
  reset(): void;
  firstWrongOutput: string | undefined;
}

export const zeroCounters = (): ServerCounters =>
  ({ answered: 0, overloaded: 0, failed: 0, health: 0, verifiedOutputs: 0, wrongOutputs: 0, badRequests: 0 });

function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** The output as JSON, or a description of it when it is a large typed array (sort's output). */
function presentable(output: Value): unknown {
  if (isTypedArray(output) && output.byteLength > MAX_OUTPUT_BYTES) return { type: output.constructor.name, length: output.length };
  return toWire(output);
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createRouter({ suite, executor, defaultSize, seed }: RouterOptions): Router {
  const route = `/${suite.name}`;
  const maxSize = suite.maxSize ?? Number.MAX_SAFE_INTEGER;
  const banks = new Map<number, { bank: InputBank; verifier: OutputVerifier; next: number }>();

  const bankFor = (size: number): { bank: InputBank; verifier: OutputVerifier; next: number } => {
    let entry = banks.get(size);
    if (!entry) {
      const bank = new InputBank(suite, size, seed, executor.transfersInput);
      entry = { bank, verifier: new OutputVerifier(suite, bank.inputs), next: 0 };
      if (banks.size >= MAX_SIZES) banks.delete(banks.keys().next().value!);
      banks.set(size, entry);
    }
    return entry;
  };

  const router: Router = {
    counters: zeroCounters(),
    firstWrongOutput: undefined,
    reset() { Object.assign(router.counters, zeroCounters()); },
    handle(request, response) {
      const { counters } = router;
      let url: URL;
      try {
        url = new URL(request.url ?? '/', 'http://127.0.0.1');
      } catch {
        counters.badRequests++;
        return reply(response, 400, { error: 'malformed request URL' });
      }
      if (request.method !== 'GET') {
        counters.badRequests++;
        return reply(response, 405, { error: 'only GET is served' }, { allow: 'GET' });
      }
      if (url.pathname === '/health') {
        counters.health++;
        return reply(response, 200, { ok: true });
      }
      if (url.pathname !== route) {
        counters.badRequests++;
        return reply(response, 404, { error: `no route ${url.pathname}: GET ${route}?size=N or /health` });
      }
      const sizeText = url.searchParams.get('size');
      const size = sizeText === null ? defaultSize : Number(sizeText);
      if (!Number.isSafeInteger(size) || size < 1 || size > maxSize) {
        counters.badRequests++;
        return reply(response, 400, { error: `size must be a whole number from 1 to ${maxSize}, got ${sizeText}` });
      }

      const entry = bankFor(size);
      const task = entry.next++;
      const answer = (output: Value): void => {
        try {
          entry.verifier.check(entry.bank.seedIndex(task), output);
        } catch (error) {
          counters.wrongOutputs++;
          router.firstWrongOutput ??= messageOf(error);
          return reply(response, 500, { error: messageOf(error) });
        }
        counters.answered++;
        counters.verifiedOutputs++;
        return reply(response, 200, { suite: suite.name, size, output: presentable(output) });
      };
      const refuse = (error: unknown): void => {
        if (error instanceof QueueFullError) {
          counters.overloaded++;
          return reply(response, 503, { error: `server busy: ${error.message}` }, { 'retry-after': RETRY_AFTER_S });
        }
        counters.failed++;
        return reply(response, 500, { error: messageOf(error) });
      };
      // Two handlers, not then().catch(): a failure while answering must not answer twice.
      executor.run(entry.bank.forTask(task)).then(answer, refuse);
    },
  };
  return router;
}
