/**
 * `node dist/scripts/benchmarks/http-connections.js [connections]` (default 10,000): the
 * benchmark server (`bench http`'s, main-thread, fib) under that many connections from one
 * client. Phase 1 holds them idle; phase 2 sends one task request on each at once. It
 * reports /health latency during each phase, the server's peak RSS, and what every socket
 * got (200, 503, closed unanswered), and whether the server lived. A benchmark, not a test:
 * it asserts nothing (test/http-slowloris.test.ts is the small, asserted version).
 *
 * Both sides need a file descriptor per connection. Node raises its soft open-files limit
 * to the hard one at start, so it is the hard limit (`ulimit -Hn`) that must allow it; the
 * script says so and stops when it does not.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { BUILTIN_SUITES } from '../../suites/registry.js';
import type { ServerSpec } from '../../runners/contract/http-protocol.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { startServer } from '../../runners/http/harness/server-process.js';
import { ascending, quantile } from '../../runners/common/stats.js';
import { integerIn } from '../cli/parse/values.js';
import { benchmarkArgs, reportFailure } from './benchmark-args.js';

// `node dist/scripts/benchmarks/http-connections.js [connections]`: one positional, read as the CLI reads a count.
const connections = Number(benchmarkArgs({}).extra[0] ?? 10_000);
/** Connections opened at once: a SYN flood larger than the listen backlog only measures retries. */
const BATCH = 500;
const HEALTH_PROBES = 20;
const MIB = 1024 * 1024;

function openFilesLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  return Number(line?.split(/\s{2,}/)[1]);
}

try {
  integerIn('connections', connections, 1, 1_000_000, 'a whole number');
} catch (error) {
  reportFailure('bench-http-connections', error);
  process.exit();
}
const limit = openFilesLimit();
if (Number.isFinite(limit) && limit < connections + 512) {
  console.error(
    `the open-files limit is ${limit}; ${connections} connections need ${connections + 512}: run \`ulimit -n ${connections + 1024}\` (as root, or raise the hard limit) first`,
  );
  process.exit(2);
}

interface Socket {
  socket: net.Socket;
  received: string;
  closed: boolean;
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const probe: Socket = { socket, received: '', closed: false };
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      probe.received += chunk;
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      probe.closed = true;
      resolve(probe);
    });
    socket.on('connect', () => resolve(probe));
  });
}

async function healthMs(base: string): Promise<string> {
  const samples: number[] = [];
  let failures = 0;
  for (let i = 0; i < HEALTH_PROBES; i++) {
    const start = performance.now();
    try {
      const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) samples.push(performance.now() - start);
      else failures++;
    } catch {
      failures++;
    }
  }
  const sorted = ascending(samples);
  const ms = (q: number): string => (sorted.length ? quantile(sorted, q).toFixed(2) : '—');
  return `/health p50 ${ms(0.5)} ms, max ${ms(1)} ms, ${failures} of ${HEALTH_PROBES} failed`;
}

const spec: ServerSpec = {
  suiteUrl: BUILTIN_SUITES.fib,
  size: 20,
  // The one-thread server: every connection and /health share its event loop, the hardest case.
  strategy: BASELINE_STRATEGY,
  workers: 1,
  workerNice: 0,
  maxQueue: 64,
  seed: 1,
};
const server = await startServer(spec, 30_000);
const base = `http://127.0.0.1:${server.port}`;
const rss = (): string => `${Math.round(server.peakRssBytes() / MIB)} MiB`;
try {
  console.log(`server pid ${server.pid}, port ${server.port}; before: peak RSS ${rss()}; ${await healthMs(base)}`);

  const sockets: Socket[] = [];
  const opened = performance.now();
  for (let i = 0; i < connections; i += BATCH) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, connections - i) }, () => open(server.port)))));
  }
  // A socket past the cap is closed by the server a moment after it connected.
  await new Promise((r) => setTimeout(r, 500));
  const held = sockets.filter((s) => !s.closed).length;
  console.log(
    `phase 1: ${connections} idle connections opened in ${Math.round(performance.now() - opened)} ms, ${held} held by the server; ` +
      `peak RSS ${rss()}; ${await healthMs(base)}`,
  );

  const live = sockets.filter((s) => !s.closed);
  for (const s of live) s.socket.write('GET /fib HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
  const health = healthMs(base);
  const deadline = Date.now() + 60_000;
  while (live.some((s) => !s.closed) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const by = new Map<string, number>();
  for (const s of live) {
    const status = s.received.startsWith('HTTP/1.1 ') ? s.received.slice(9, 12) : s.closed ? 'closed unanswered' : 'no answer in 60 s';
    by.set(status, (by.get(status) ?? 0) + 1);
  }
  console.log(
    `phase 2: one request on each of ${live.length}: ${[...by].map(([k, n]) => `${k}: ${n}`).join(', ')}; during it ${await health}`,
  );
  console.log(`after: peak RSS ${rss()}; ${await healthMs(base)}; server ${process.kill(server.pid, 0) ? 'alive' : 'gone'}`);
  for (const s of sockets) s.socket.destroy();
} finally {
  await server.stop();
}
