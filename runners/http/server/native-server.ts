/**
 * The one small interface every server kind is behind: listen on 127.0.0.1 (a port the OS
 * picks, or the cluster's shared one), hand each request's method and URL to the router, send
 * its reply back. One file per kind — node-server.ts (node:http), bun-server.ts (`Bun.serve`),
 * deno-server.ts (`Deno.serve`) — so routes.ts answers for all of them, and each runtime is
 * measured with the server its users would write.
 */

/** What the router answers: the server kind turns it into its own response. */
export interface Reply {
  status: number;
  /** JSON text. */
  body: string;
  /** Beyond content-type and content-length, which every kind sets. */
  headers: Record<string, string>;
}

/** At once (/health, /noop, a refusal) or when the request's task is done. */
export type RequestHandler = (method: string, url: string) => Reply | Promise<Reply>;

export interface ListenOptions {
  /** 0: the OS picks a free port. */
  port: number;
  /** Several server processes listen on `port` (the cluster strategy off Node: SO_REUSEPORT). */
  reusePort: boolean;
  /** node:http only: sockets held at once; past it a new one is closed as it arrives (serve.ts). */
  maxConnections: number;
  /** node:http only: a request whose headers are not all in after this long is answered 408 (slowloris). */
  headersTimeoutMs: number;
}

export interface NativeServer {
  readonly port: number;
  /** Stops listening and ends the open connections. */
  close(): void;
}

export type ServerKind = 'node' | 'bun' | 'deno';

/** The runtime this process runs on decides: Bun and Deno each have a native server. */
export function serverKind(): ServerKind {
  return 'Bun' in globalThis ? 'bun' : 'Deno' in globalThis ? 'deno' : 'node';
}

export const JSON_TYPE = 'application/json';

/** Starts this runtime's server; only its own file is loaded (Bun.serve and Deno.serve exist only there). */
export async function listenNative(handler: RequestHandler, options: ListenOptions): Promise<NativeServer> {
  switch (serverKind()) {
    case 'bun':
      return (await import('./bun-server.js')).listenBun(handler, options);
    case 'deno':
      return (await import('./deno-server.js')).listenDeno(handler, options);
    case 'node':
      return (await import('./node-server.js')).listenNode(handler, options);
  }
}
