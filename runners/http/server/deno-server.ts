/**
 * The `Deno.serve` server kind (native-server.ts): Deno's own HTTP server, run with
 * --allow-net=127.0.0.1 and nothing wider (runtimes/launch.ts). No connection cap or header
 * timeout of Node's kind is set, as Deno.serve has none.
 */
import { JSON_TYPE, type ListenOptions, type NativeServer, type Reply, type RequestHandler } from './native-server.js';

/** The part of Deno's API used here (bench compiles without Deno's types). */
interface DenoServe {
  serve(
    options: {
      hostname: string;
      port: number;
      reusePort: boolean;
      onListen(address: { port: number }): void;
      onError(error: unknown): Response;
    },
    handler: (request: Request) => Response | Promise<Response>,
  ): { readonly addr: { port: number }; shutdown(): Promise<void> };
}

const toResponse = (reply: Reply): Response =>
  new Response(reply.body, { status: reply.status, headers: { 'content-type': JSON_TYPE, ...reply.headers } });

export function listenDeno(handler: RequestHandler, options: ListenOptions): NativeServer {
  const { Deno } = globalThis as typeof globalThis & { Deno: DenoServe };
  const server = Deno.serve(
    {
      hostname: '127.0.0.1',
      port: options.port,
      // reusePort is behind --unstable-net (Deno 2.9.6): only the cluster strategy asks for it, and gets the flag.
      reusePort: options.reusePort,
      // Deno prints "Listening on …" by default: the server's stdout is no one's.
      onListen: () => {},
      // The router answers every request itself; this is a bug's last resort, not a 500 of a task.
      onError: (error) => new Response(JSON.stringify({ error: String(error) }), { status: 500, headers: { 'content-type': JSON_TYPE } }),
    },
    (request) => {
      // An absolute URL: the router reads its path and query alike.
      const reply = handler(request.method, request.url);
      return reply instanceof Promise ? reply.then(toResponse) : toResponse(reply);
    },
  );
  return { port: server.addr.port, close: () => void server.shutdown() };
}
