/**
 * The class server as a Fastify app: the JSON API under /api (a schema on every route, small bodies, rate
 * limits on joining and answering, tokens only in the Authorization header), live streams, and the built game
 * from the same origin under a Content-Security-Policy. No CORS: the game, the host page and the API are one
 * origin, and a state-changing request from another origin is refused.
 */
import { compile as compileTrust } from '@fastify/proxy-addr';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { ServerInfo } from '../../core/classProtocol';
import {
  capConnectionsPerAddress,
  DEFAULT_CONNECTION_LIMITS,
  timeoutOptions,
  type ConnectionLimits,
} from './connections';
import { StoreUnavailableError, type ClassStore } from './store';
import type { Readiness } from './readiness';
import { LiveHub } from './hub';
import { DEFAULT_LOOKUP_LIMIT, FailedLookups, type LookupLimit } from './lookupLimit';
import { originAllowed } from './origins';
import { ClassError, ClassService, hashToken } from './service';
import { registerChallengeRoutes, type ChallengeRateLimits } from '../challenge/routes';
import type { ChallengeService } from '../challenge/service';
import { decorateAuth } from './routes/auth';
import { checkRoutes } from './routes/checks';
import { classRoutes } from './routes/classes';
import type { ClassRouteOptions } from './routes/context';
import { ERROR_STATUS } from './routes/errorStatus';
import { metaRoutes } from './routes/meta';
import { playerRoutes } from './routes/players';
import { clientAddress } from './routes/request';
import { teacherRoutes } from './routes/teacher';
import { securityHeaders } from './securityHeaders';
import { serveBuild } from './staticFiles';
import { GAME_PAGE, registerGamePage } from '../pagePreview';

/** Requests per window; each limit is counted per client address, answers per player. */
export interface RateLimits {
  createPerMinute: number;
  joinPerMinute: number;
  answerPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { createPerMinute: 30, joinPerMinute: 120, answerPerMinute: 90 };

/** The largest request body taken (the biggest real one, a class's settings, is well under 1 KB). */
export const BODY_LIMIT_BYTES = 8 * 1024;

/**
 * The policy the game runs under. Phaser makes its textures from canvases and data: URLs, Howler unlocks audio
 * with a data: URL and may play from blob: URLs; nothing else leaves 'self'. No upgrade-insecure-requests: the
 * classroom server speaks plain HTTP on the local network.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export interface ClassAppOptions {
  service: ClassService;
  hub: LiveHub;
  /** Every request's database work goes through it, and is answered once committed. */
  commits: ClassStore;
  /** The built game to serve beside the API; none in development (Vite serves it) and in the API tests. */
  staticDir?: string;
  limits?: Partial<RateLimits>;
  /** Origins whose pages may change things here, besides loopback ones (filled in once it listens). */
  allowedOrigins?: () => readonly string[];
  /** Failed class lookups one address may make per window (see lookupLimit.ts). */
  lookupLimit?: Partial<LookupLimit>;
  /** Timeouts and the per-address connection cap (see connections.ts). */
  connections?: Partial<ConnectionLimits>;
  /** Where students can reach this server (filled in once it listens). */
  serverInfo?: () => ServerInfo;
  logger?: FastifyServerOptions['logger'];
  /** What /api/ready checks (a write and a read of the database, the free disk); ready when none is given. */
  readiness?: Readiness;
  /** Proxies whose X-Forwarded-For names the client (rate limits and logs then count students, not the proxy). */
  trustProxy?: string[] | false;
  /** Challenges with their board (src/server/challenge/); none when not given. */
  challenges?: ChallengeService;
  challengeLimits?: Partial<ChallengeRateLimits>;
}

function errorCodeFor(status: number): string {
  const names: Record<number, string> = {
    400: 'bad-request',
    404: 'not-found',
    405: 'method-not-allowed',
    406: 'not-acceptable',
    413: 'body-too-large',
    414: 'uri-too-long',
    415: 'unsupported-media-type',
    429: 'rate-limited',
    431: 'headers-too-large',
  };
  return names[status] ?? 'bad-request';
}

export async function buildClassApp(options: ClassAppOptions): Promise<FastifyInstance> {
  const { service, hub, commits } = options;
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.limits };
  const connectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connections };
  const app = Fastify({
    ...timeoutOptions(connectionLimits),
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: false },
    // Strict checking: no silent type coercion and no quietly dropped fields.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false } },
  });

  // The same test of "a trusted proxy" as Fastify's own (request.ip), applied to the socket's address.
  const trusted = options.trustProxy ? compileTrust(options.trustProxy) : undefined;
  capConnectionsPerAddress(
    app.server,
    connectionLimits.maxConnectionsPerAddress,
    trusted ? (address) => trusted(address, 0) : undefined,
  );

  const security = securityHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // Plain HTTP on a classroom network: HSTS would do nothing here, and COEP would block nothing we load.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(security);
    done();
  });
  await app.register(rateLimit, {
    global: false,
    // A client that has already gone may have no address left: it is counted as one, not a server error.
    keyGenerator: (request) => clientAddress(request),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'rate-limited',
      message: `Too many requests: try again in ${context.after}.`,
    }),
  });

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown; code?: string }, request, reply) => {
    if (error instanceof ClassError) {
      const details = error.details ? { details: error.details } : {};
      return reply.code(ERROR_STATUS[error.code]).send({ error: error.code, message: error.message, ...details });
    }
    if (error instanceof StoreUnavailableError) {
      request.log.warn({ err: error, url: request.url }, 'the database is unavailable');
      return reply.code(503).send({ error: error.code, message: error.message });
    }
    if (error.validation) {
      return reply.code(400).send({ error: 'bad-request', message: `The request is not valid: ${error.message}.` });
    }
    const status = error.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      const known = (error as { error?: unknown }).error;
      return reply.code(status).send({
        error: typeof known === 'string' && status === 429 ? known : errorCodeFor(status),
        message: error.message || 'The request was refused.',
      });
    }
    request.log.error({ err: error, url: request.url }, 'class server error');
    return reply.code(500).send({ error: 'server-error', message: 'Something went wrong on the class server.' });
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send({ error: 'not-found', message: 'There is nothing here.' });
  });

  // A browser page from anywhere but this server's configured origins may not change anything (see origins.ts).
  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (!originAllowed(origin, new Set(options.allowedOrigins?.() ?? []))) {
      throw new ClassError('cross-origin', 'Requests to the class server must come from its own pages.');
    }
  });
  // Failed class lookups (one 404 for a dead code and a token that does not fit) are counted per address.
  const failedLookups = new FailedLookups({ ...DEFAULT_LOOKUP_LIMIT, ...options.lookupLimit });
  const isClassLookup = (request: FastifyRequest) => request.url.startsWith('/api/classes/');
  app.addHook('onRequest', async (request) => {
    if (!isClassLookup(request)) return;
    const wait = failedLookups.waitFor(clientAddress(request));
    if (wait > 0) {
      throw new ClassError('rate-limited', `Too many lookups of classes that are not there: try again in ${wait} s.`);
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode === 404 && isClassLookup(request)) failedLookups.record(clientAddress(request));
  });
  app.addHook('preClose', async () => {
    commits.commit();
    hub.closeAll();
  });

  const joinLimit = { max: limits.joinPerMinute, timeWindow: 60_000 };
  const answerLimit = {
    max: limits.answerPerMinute,
    timeWindow: 60_000,
    // Counted per player (by their token's hash), so a classroom behind one address is not throttled as one.
    keyGenerator: (request: FastifyRequest) => {
      const header = request.headers.authorization;
      return typeof header === 'string' ? `t:${hashToken(header)}` : `ip:${clientAddress(request)}`;
    },
  };

  const routeOptions: ClassRouteOptions = {
    service,
    hub,
    commits,
    limits: { create: { max: limits.createPerMinute, timeWindow: 60_000 }, join: joinLimit, answer: answerLimit },
  };
  decorateAuth(app);
  await app.register(metaRoutes, { service, readiness: options.readiness, serverInfo: options.serverInfo });
  await app.register(classRoutes, routeOptions);
  await app.register(playerRoutes, routeOptions);
  await app.register(teacherRoutes, routeOptions);
  await app.register(checkRoutes, routeOptions);
  if (options.challenges) {
    await registerChallengeRoutes(app, {
      challenges: options.challenges,
      commits,
      limits: options.challengeLimits,
      staticDir: options.staticDir,
      publicUrl: () => options.serverInfo?.().publicUrl,
    });
  }

  // ——— The built game ———

  if (options.staticDir) {
    // The game's page carries link previews with absolute addresses (pagePreview.ts says which and why).
    const publicUrl = () => options.serverInfo?.().publicUrl;
    const pageServed = registerGamePage(app, options.staticDir, publicUrl);
    await serveBuild(app, options.staticDir, pageServed ? [GAME_PAGE] : []);
  }

  return app;
}
