/**
 * How long the class server waits on a client, and how many connections one client address may hold: a request
 * whose headers or body never finish is cut, an idle keep-alive connection is closed, a socket on which nothing
 * moves either way (a live stream whose reader stopped reading included) is closed, and connections past the cap
 * from one address are refused as they arrive, so one machine cannot hold the server's sockets away from a class.
 */
import type { FastifyServerOptions } from 'fastify';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** The whole request, headers and body, must have arrived within this. */
  requestTimeoutMs: number;
  /** The headers must have arrived within this (at most requestTimeoutMs). */
  headersTimeoutMs: number;
  /** A keep-alive connection with no request in flight is closed after this. */
  keepAliveTimeoutMs: number;
  /** A socket with nothing read or written for this long is closed; above the live streams' heartbeat. */
  idleTimeoutMs: number;
  /** How often the request and header timeouts are checked (Node checks them on a timer, not per socket). */
  checkEveryMs: number;
  /** Open connections one client address may hold; a classroom behind one address needs a few per student. */
  maxConnectionsPerAddress: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  checkEveryMs: 1_000,
  maxConnectionsPerAddress: 256,
};

/** The Fastify (and Node http) options that set the timeouts. */
export function timeoutOptions(limits: ConnectionLimits): Partial<FastifyServerOptions> {
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    http: {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout,
      connectionsCheckingInterval: limits.checkEveryMs,
    },
  } as Partial<FastifyServerOptions>;
}

/**
 * Refuses (closes at once) each connection past `max` open ones from the same address. A trusted proxy's
 * connections are not counted: they carry every student behind it (a live stream each), and the client's own
 * address is known only once a request's X-Forwarded-For arrives, where the rate limits and join guard count it.
 */
export function capConnectionsPerAddress(
  server: Server,
  max: number,
  isTrustedProxy: (address: string) => boolean = () => false,
): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress;
    // A socket already gone has no address: there is nothing to count.
    if (address === undefined || isTrustedProxy(address)) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
