/**
 * The security headers every reply carries, worked out once by Helmet at start-up.
 *
 * Helmet's headers depend only on its configuration, never on the request, yet running its middleware (which
 * is what @fastify/helmet does, rebuilding it for every request) halved the server's requests per second on its
 * own. So Helmet runs once here, against a response that only records what it is told, and each reply gets the
 * recorded headers.
 */
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

export function securityHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return Object.freeze(headers);
}
