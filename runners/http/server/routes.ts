/**
 * Request routing of the benchmark server, shared by every server kind (native-server.ts):
 *   GET /<suite>?size=N  one task through the strategy's executor; 200 with the verified output
 *   GET /health          answered at once by the server's main thread (shows if it is free)
 *   GET /noop            answered at once, no strategy behind it: the server's own cost under load
 * A full queue answers 503 with Retry-After; a size whose makeInput throws, a task that
 * throws or whose worker dies, 500; an output the suite rejects, 500 (and the cell errors).
 * Every outcome is counted, and the first failure's message is kept for the cell's reason.
 * After the window the server asks whether run changed its input (contractBreach).
 */
import type { Suite, Value } from '../../../suites/suite.js';
import type { Executor } from '../../executors/executor.js';
import { InputBank } from '../../cell/input-bank.js';
import { probeRunKeepsInput } from '../../cell/mutation-probe.js';
import { toWire } from '../../transports/child/json-codec.js';
import { OutputVerifier } from '../../cell/output-verifier.js';
import { isTypedArray } from '../../common/typed-arrays.js';
import { errorMessage } from '../../common/error-message.js';
import { QueueFullError } from './admission.js';
import type { ServerCounters } from '../../contract/http-protocol.js';
import { cellClock } from '../../common/phase-clock.js';
import { TaskTiming } from '../../common/phase-timing.js';
import type { Reply } from './native-server.js';
import type { RequestPhases } from './request-phases.js';

/**
 * Sizes besides the default whose inputs are kept at once: a client asking for many sizes
 * cannot grow memory (each may be as big as --max-request-size allows). The default size's
 * inputs, which the load asks for, are never evicted.
 */
const MAX_OTHER_SIZES = 2;
/** A size as a request writes it: decimal digits only (`0x10`, `1e3`, ` 16` are refused). */
const DECIMAL = /^[1-9][0-9]{0,15}$/;
/** Typed arrays larger than this are described, not sent: the route measures CPU work, not bytes. */
const MAX_OUTPUT_BYTES = 512;
/** Seconds a refused client should wait before retrying. */
const RETRY_AFTER_S = '1';

export interface RouterOptions {
  suite: Suite;
  executor: Executor;
  defaultSize: number;
  /** The largest size a request may ask for. */
  maxRequestSize: number;
  seed: number;
}

export interface Router {
  /** One request, whatever server kind received it; never rejects (a failure is a 5xx reply). */
  handle(method: string, url: string): Reply | Promise<Reply>;
  readonly counters: ServerCounters;
  /** Zeroes the counters: the measured window starts. */
  reset(): void;
  firstWrongOutput: string | undefined;
  /** The first request that failed on the server's side (a 500 other than a wrong output), and why. */
  firstServerError: string | undefined;
  /**
   * Whether run changed its input, asked as a cell asks it (cell/input-bank.ts,
   * cell/mutation-probe.ts): the kept inputs against their fingerprints (main-thread hands run
   * the very inputs kept here, so each later request would measure other work, an in-place
   * sort sorting sorted data), then one task on this thread on a fresh input (a worker's or
   * child's copy hides the change). The breach's one line, or undefined. Hashing and the task
   * are not free: call it between measurements, never inside the window.
   */
  contractBreach(): string | undefined;
  /** --phases: where the window's requests are timed (undefined: none are); serve.ts sets it per window. */
  phases: RequestPhases | undefined;
}

export const zeroCounters = (): ServerCounters => ({
  answered: 0,
  overloaded: 0,
  failed: 0,
  health: 0,
  noop: 0,
  verifiedOutputs: 0,
  wrongOutputs: 0,
  badRequests: 0,
});

const reply = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  body: JSON.stringify(body),
  headers,
});
/** The same bytes for every /health and /noop: nothing is built per request. */
const OK: Reply = reply(200, { ok: true });

/** The output as JSON, or a description of it when it is a large typed array (sort's output). */
function presentable(output: Value): unknown {
  if (isTypedArray(output) && output.byteLength > MAX_OUTPUT_BYTES) return { type: output.constructor.name, length: output.length };
  return toWire(output);
}

export function createRouter({ suite, executor, defaultSize, maxRequestSize, seed }: RouterOptions): Router {
  const route = `/${suite.name}`;
  const maxSize = Math.min(suite.maxSize ?? Number.MAX_SAFE_INTEGER, Math.max(maxRequestSize, defaultSize));
  const banks = new Map<number, { bank: InputBank; verifier: OutputVerifier; next: number }>();

  const bankFor = (size: number): { bank: InputBank; verifier: OutputVerifier; next: number } => {
    let entry = banks.get(size);
    if (!entry) {
      const bank = new InputBank(suite, size, seed, executor.transfersInput);
      entry = { bank, verifier: new OutputVerifier(suite, bank.inputs), next: 0 };
      if (size !== defaultSize) {
        const others = [...banks.keys()].filter((kept) => kept !== defaultSize);
        if (others.length >= MAX_OTHER_SIZES) banks.delete(others[0]!);
      }
      banks.set(size, entry);
    }
    return entry;
  };

  const router: Router = {
    counters: zeroCounters(),
    firstWrongOutput: undefined,
    firstServerError: undefined,
    phases: undefined,
    reset() {
      Object.assign(router.counters, zeroCounters());
    },
    contractBreach() {
      try {
        for (const { bank } of banks.values()) bank.assertUnchanged('seen after the measured window');
        // Only where the load's inputs were made: then makeInput is known to work at this size.
        if (banks.has(defaultSize))
          probeRunKeepsInput(suite, defaultSize, seed, "seen on one task run on the server's thread after the measured window");
        return undefined;
      } catch (error) {
        return errorMessage(error);
      }
    },
    handle(method, target) {
      const { counters } = router;
      // --phases: the handler's start, for the server's own parse time.
      const phases = router.phases;
      const handledAt = phases ? cellClock() : 0;
      let url: URL;
      try {
        // Node hands the path, Bun and Deno the absolute URL: the base applies to the path only.
        url = new URL(target, 'http://127.0.0.1');
      } catch {
        counters.badRequests++;
        return reply(400, { error: 'malformed request URL' });
      }
      if (method !== 'GET') {
        counters.badRequests++;
        return reply(405, { error: 'only GET is served' }, { allow: 'GET' });
      }
      if (url.pathname === '/health') {
        counters.health++;
        return OK;
      }
      if (url.pathname === '/noop') {
        counters.noop++;
        return OK;
      }
      if (url.pathname !== route) {
        counters.badRequests++;
        return reply(404, { error: `no route ${url.pathname}: GET ${route}?size=N, /health or /noop` });
      }
      const sizeText = url.searchParams.get('size');
      const size = sizeText === null ? defaultSize : DECIMAL.test(sizeText) ? Number(sizeText) : Number.NaN;
      if (!Number.isSafeInteger(size) || size < 1 || size > maxSize) {
        counters.badRequests++;
        const shown = JSON.stringify((sizeText ?? '').slice(0, 40));
        return reply(400, {
          error: `size must be a whole number (decimal digits) from 1 to ${maxSize} (--max-request-size), got ${shown}`,
        });
      }

      // A request the suite cannot serve (its makeInput rejects this size, or is not
      // deterministic) fails alone: a throw here would end the server and every other request.
      let entry: ReturnType<typeof bankFor>;
      try {
        entry = bankFor(size);
      } catch (error) {
        counters.failed++;
        router.firstServerError ??= `GET ${route}?size=${size}: ${errorMessage(error)}`;
        return reply(500, { error: errorMessage(error) });
      }
      const task = entry.next++;
      const timing = phases ? new TaskTiming(cellClock()) : undefined;
      const answer = (output: Value): Reply => {
        const completedAt = timing ? cellClock() : 0;
        try {
          entry.verifier.check(entry.bank.seedIndex(task), output);
        } catch (error) {
          counters.wrongOutputs++;
          router.firstWrongOutput ??= errorMessage(error);
          return reply(500, { error: errorMessage(error) });
        }
        counters.answered++;
        counters.verifiedOutputs++;
        const answered = reply(200, { suite: suite.name, size, output: presentable(output) });
        // Answered requests only, and only those of the window that started them (a warm-up's straggler is not).
        if (timing && router.phases === phases) phases!.record(handledAt, timing, completedAt, cellClock());
        return answered;
      };
      const refuse = (error: unknown): Reply => {
        if (error instanceof QueueFullError) {
          counters.overloaded++;
          return reply(503, { error: `server busy: ${error.message}` }, { 'retry-after': RETRY_AFTER_S });
        }
        counters.failed++;
        router.firstServerError ??= `GET ${route}?size=${size}: ${errorMessage(error)}`;
        return reply(500, { error: errorMessage(error) });
      };
      // Two handlers, not then().catch(): a verified output is not refused as a failed task. A reply
      // that cannot be built (an output JSON cannot carry) is the server's failure, answered 500.
      return executor
        .run(entry.bank.forTask(task), timing)
        .then(answer, refuse)
        .catch((error: unknown) => {
          router.firstServerError ??= `GET ${route}?size=${size}: ${errorMessage(error)}`;
          return reply(500, { error: errorMessage(error) });
        });
    },
  };
  return router;
}
