/** What the class routes read from a request (its token, its client's address) and how a live stream takes over. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TOKEN_PATTERN } from '../../../core/classProtocol';
import { ClassError } from '../classError';

const BEARER = new RegExp(`^Bearer (${TOKEN_PATTERN.slice(1, -1)})$`);

/** The token from "Authorization: Bearer …", or undefined when there is none. */
export function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
}

/** The token from "Authorization: Bearer …"; a 401 when it is missing or not a token at all. */
export function tokenOf(request: FastifyRequest): string {
  const token = bearerOf(request);
  if (!token) throw new ClassError('no-token', 'This request needs a token in its Authorization header.');
  return token;
}

/** The client's address, or a stand-in once its socket has gone (Node then no longer knows it). */
export function clientAddress(request: FastifyRequest): string {
  return request.ip ?? 'gone';
}

/** Hands the response over to a live stream, with the security headers already set on the reply. */
export function openStream(reply: FastifyReply, open: (headers: Record<string, string>) => void): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (typeof value === 'string') headers[name] = value;
    else if (typeof value === 'number') headers[name] = String(value);
  }
  reply.hijack();
  open(headers);
}
