/**
 * The benchmark server under a slowloris client — hundreds of sockets that send half a
 * request and stall — and past its connection cap: /health and tasks keep being answered,
 * the stalled sockets are answered 408 and closed once their headers time out, sockets past
 * the cap are closed as they arrive (the process lives, its memory stays bounded), and it
 * listens on 127.0.0.1 only. The 10,000-connection version is scripts/benchmarks/http-connections.ts.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import os from 'node:os';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ServerSpec } from '../runners/contract/http-protocol.js';
import { startServer } from '../runners/http/harness/server-process.js';
import { fixture } from './helpers/cli.js';
import { waitUntil } from './helpers/wait.js';

const STALLED = 300;
const CAP = 400;
const PAST_CAP = 150;
const HEADERS_TIMEOUT_MS = 3_000;

interface Probe {
  socket: net.Socket;
  received: string;
  closed: boolean;
}

/** Opens `count` sockets, each sending `first` (if any) and then nothing; resolves once all are connected or refused. */
async function openSockets(port: number, count: number, first?: string): Promise<Probe[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Probe>((resolve) => {
          const socket = net.connect(port, '127.0.0.1');
          const probe: Probe = { socket, received: '', closed: false };
          socket.setEncoding('utf8').on('data', (chunk: string) => {
            probe.received += chunk;
          });
          socket.on('error', () => {});
          socket.on('close', () => {
            probe.closed = true;
          });
          socket.on('connect', () => {
            if (first) socket.write(first);
            resolve(probe);
          });
        }),
    ),
  );
}

const status = async (url: string): Promise<number> => (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status;

test('slowloris and a connection flood: /health answers, stalled sockets get 408, past the cap sockets close, 127.0.0.1 only', async (t) => {
  const spec: ServerSpec = {
    suiteUrl: pathToFileURL(fixture('tiny-suite.js')).href,
    size: 1_000,
    strategy: 'main-thread',
    workers: 1,
    workerNice: 0,
    maxQueue: 4,
    seed: 1,
    maxConnections: CAP,
    headersTimeoutMs: HEADERS_TIMEOUT_MS,
  };
  const server = await startServer(spec, 20_000);
  t.after(() => server.stop());
  const base = `http://127.0.0.1:${server.port}`;
  assert.equal(await status(`${base}/health`), 200);
  const rssBefore = server.peakRssBytes();

  const stalled = await openSockets(server.port, STALLED, 'GET /tiny HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
  assert.equal(await status(`${base}/health`), 200, '/health answers beside the stalled sockets');
  assert.equal(await status(`${base}/tiny`), 200, 'and so does a task');

  // Past the cap: the server closes the newcomers as they arrive, the stalled ones still stand.
  const past = await openSockets(server.port, PAST_CAP);
  await waitUntil(() => past.filter((p) => p.closed).length >= PAST_CAP - (CAP - STALLED), 'the sockets past the cap to be closed', {
    timeoutMs: HEADERS_TIMEOUT_MS,
  });
  assert.ok(
    past.filter((p) => p.closed).every((p) => p.received === ''),
    'closed without an answer: the server did not take them in',
  );
  assert.ok(
    stalled.filter((p) => p.closed).length < STALLED / 2,
    'the stalled sockets were not what the cap closed (their headers have not timed out yet)',
  );
  for (const probe of past) probe.socket.destroy();

  // Their headers time out: each stalled socket is answered 408 and closed by the server.
  await waitUntil(() => stalled.every((p) => p.closed), 'the server to close every stalled socket', {
    timeoutMs: HEADERS_TIMEOUT_MS + 5_000,
  });
  assert.ok(
    stalled.every((p) => p.received.startsWith('HTTP/1.1 408')),
    `each stalled socket got a 408: ${stalled.find((p) => !p.received.startsWith('HTTP/1.1 408'))?.received}`,
  );
  assert.equal(await status(`${base}/health`), 200, 'the server lives on');
  // Bounded: far below a megabyte per socket (an idle one costs ~10 KB).
  const grown = server.peakRssBytes() - rssBefore;
  assert.ok(grown < (STALLED + PAST_CAP) * 200 * 1024, `RSS grew ${Math.round(grown / 1024 / 1024)} MiB for ${STALLED + PAST_CAP} sockets`);

  // Only loopback: from any other address of this machine, nothing listens on the port.
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === 'IPv4');
  if (external) {
    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect(server.port, external.address);
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
    });
    assert.equal(refused, 'ECONNREFUSED', `port ${server.port} on ${external.address}`);
  }
});
