/**
 * The `Bun.serve` server kind (native-server.ts): what a Bun backend is built on, the article's
 * included. Bun's defaults stand for connections (one idle for 10 s is closed), but not for a
 * request in flight: Bun counts a request whose answer is still being computed as idle too,
 * and cuts it after the same 10 s (oven-sh/bun#13712) — a fib queued behind twenty others
 * would be dropped, the load generator would send it again, and the abandoned task would still
 * hold a worker, so req/s would fall for a reason no strategy has. Each request lifts its own
 * timeout: the load generator's --timeout decides, as it does for Node's and Deno's servers.
 * No connection cap or header timeout of Node's kind is set, as Bun.serve has none.
 */
import { JSON_TYPE, type ListenOptions, type NativeServer, type Reply, type RequestHandler } from './native-server.js';

/** The part of Bun's API used here (bench compiles without Bun's types). */
interface BunServer {
  /** Seconds this request may stay without a byte sent before Bun cuts it; 0: never. */
  timeout(request: Request, seconds: number): void;
}

interface BunServe {
  serve(options: {
    hostname: string;
    port: number;
    reusePort: boolean;
    fetch(request: Request, server: BunServer): Response | Promise<Response>;
    error(error: Error): Response;
  }): { readonly port: number; stop(closeActiveConnections?: boolean): void };
}

const toResponse = (reply: Reply): Response =>
  new Response(reply.body, { status: reply.status, headers: { 'content-type': JSON_TYPE, ...reply.headers } });

export function listenBun(handler: RequestHandler, options: ListenOptions): NativeServer {
  const { Bun } = globalThis as typeof globalThis & { Bun: BunServe };
  const server = Bun.serve({
    hostname: '127.0.0.1',
    port: options.port,
    reusePort: options.reusePort,
    fetch(request, served) {
      served.timeout(request, 0);
      // An absolute URL: the router reads its path and query alike.
      const reply = handler(request.method, request.url);
      return reply instanceof Promise ? reply.then(toResponse) : toResponse(reply);
    },
    // The router answers every request itself; this is a bug's last resort, not a 500 of a task.
    error: (error) => new Response(JSON.stringify({ error: error.message }), { status: 500, headers: { 'content-type': JSON_TYPE } }),
  });
  return { port: server.port, close: () => server.stop(true) };
}
