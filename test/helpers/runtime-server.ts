/**
 * A suite server on a given runtime, as `bench http` starts it, for the tests that talk to
 * node:http, Bun.serve and Deno.serve directly: one place for what every such server shares.
 */
import { pathToFileURL } from 'node:url';
import type { ServerSpec } from '../../runners/contract/http-protocol.js';
import type { RuntimeName } from '../../runners/contract/results.js';
import { type RunningServer, startServer } from '../../runners/http/harness/server-process.js';
import { locateRuntime } from '../../runners/runtimes/locate.js';
import { fixture } from './cli.js';

/** What differs between the tests: the suite fixture, the request size, the strategy and its queue; the rest defaults. */
type SpecChoices = Pick<ServerSpec, 'size' | 'strategy'> & Partial<Omit<ServerSpec, 'suiteUrl'>>;

export function serverSpecFor(runtime: RuntimeName, suiteFixture: string, choices: SpecChoices): ServerSpec {
  return {
    suiteUrl: pathToFileURL(fixture(suiteFixture)).href,
    workers: 2,
    workerNice: 0,
    maxQueue: 16,
    seed: 1,
    // What the runtime probe picks: Bun's global Worker, node:worker_threads elsewhere.
    thread: { api: runtime === 'bun' ? 'web' : 'worker_threads', smol: false },
    ...choices,
  };
}

/** Started on `runtime`'s executable, given 30 s to come up. */
export const startServerOn = (runtime: RuntimeName, spec: ServerSpec): Promise<RunningServer> =>
  startServer(spec, 30_000, locateRuntime(runtime, {}));
