/** The node:http server kind (native-server.ts): Node's own, and what `bench http` served on before runtimes. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSON_TYPE, type ListenOptions, type NativeServer, type Reply, type RequestHandler } from './native-server.js';

/** How often Node looks for requests past their timeout. */
const TIMEOUT_CHECK_MS = 1_000;

function send(response: http.ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(reply.body), ...reply.headers });
  response.end(reply.body);
}

export function listenNode(handler: RequestHandler, options: ListenOptions): Promise<NativeServer> {
  const { headersTimeoutMs } = options;
  const server = http.createServer(
    // requestTimeout just above: for a GET the headers are the whole request.
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: headersTimeoutMs + TIMEOUT_CHECK_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_MS,
    },
    (request, response) => {
      const reply = handler(request.method ?? 'GET', request.url ?? '/');
      // Synchronous replies (/health) are sent in the same turn: no promise between the request and its answer.
      if (reply instanceof Promise) void reply.then((answer) => send(response, answer));
      else send(response, reply);
    },
  );
  // Past the cap, Node closes a new socket as it arrives: the ones open keep being served.
  server.maxConnections = options.maxConnections;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the OS picks a free port; in a cluster process the primary picks it once for all.
    server.listen({ port: options.port, host: '127.0.0.1' }, () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => {
          server.close();
          server.closeAllConnections();
        },
      }),
    );
  });
}
