/**
 * The class server as a Fastify app: the JSON API under /api (a schema on every route, small bodies, rate
 * limits on joining and answering, tokens only in the Authorization header), live streams, and the built game
 * from the same origin under a Content-Security-Policy. No CORS: the game, the host page and the API are one
 * origin, and a state-changing request from another origin is refused.
 */
import { compile as compileTrust } from '@fastify/proxy-addr';
import rateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { CLASS_CODE_PATTERN } from '../../core/classCode';
import {
  ANSWER_REVEALS,
  CLASS_PACES,
  CLASS_POOLS,
  MAX_KEPT_CLASSES,
  SCORING_MODES,
  type ClassSettings,
  type ServerInfo,
} from '../../core/classProtocol';
import { MAX_CLASS_QUESTIONS, MIN_CLASS_QUESTIONS } from '../../core/classRules';
import { LIVE_COMMANDS, type LiveCommand } from '../../core/liveLesson';
import { LANGUAGES, type Language } from '../../core/languages';
import { MAX_TIME_LIMIT_SEC, MIN_TIME_LIMIT_SEC } from '../../core/settings';
import { TIME_ACCOMMODATIONS, type TimeAccommodation } from '../../core/timeAccommodation';
import { QUESTION_KINDS } from '../../core/types';
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
import { registerCheckRoutes } from './checkRoutes';
import { CREATE_BODY_LIMIT_BYTES, MAX_OWN_FILE_NAME_CHARS, type OwnQuestionsUpload } from './ownQuestions';
import { ApiError, ClassService, hashToken } from './service';
import { registerChallengeRoutes, type ChallengeRateLimits } from '../challenge/routes';
import type { ChallengeService } from '../challenge/service';
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

const code = { type: 'string', pattern: CLASS_CODE_PATTERN } as const;
const playerId = { type: 'string', pattern: '^[A-Za-z0-9_-]{12}$' } as const;
const authHeaders = {
  type: 'object',
  properties: { authorization: { type: 'string', maxLength: 200 } },
} as const;
const emptyBody = { type: 'object', additionalProperties: false, properties: {} } as const;
const classParams = { type: 'object', required: ['code'], additionalProperties: false, properties: { code } } as const;
const playerParams = {
  type: 'object',
  required: ['code', 'playerId'],
  additionalProperties: false,
  properties: { code, playerId },
} as const;

const createBody = {
  type: 'object',
  additionalProperties: false,
  required: ['questionCount', 'timeLimitSec', 'topics', 'scoring'],
  properties: {
    questionCount: { type: 'integer', minimum: MIN_CLASS_QUESTIONS, maximum: MAX_CLASS_QUESTIONS },
    timeLimitSec: {
      anyOf: [{ type: 'integer', minimum: MIN_TIME_LIMIT_SEC, maximum: MAX_TIME_LIMIT_SEC }, { type: 'null' }],
    },
    topics: {
      type: 'array',
      maxItems: 50,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80 },
    },
    scoring: { type: 'string', enum: [...SCORING_MODES] },
    pool: { type: 'string', enum: [...CLASS_POOLS] },
    answerReveal: { type: 'string', enum: [...ANSWER_REVEALS] },
    pace: { type: 'string', enum: [...CLASS_PACES] },
    holdStart: { type: 'boolean' },
    ownQuestions: {
      type: 'object',
      additionalProperties: false,
      required: ['fileName', 'yaml'],
      properties: {
        fileName: { type: 'string', minLength: 1, maxLength: MAX_OWN_FILE_NAME_CHARS },
        yaml: { type: 'string' },
      },
    },
    generatedNicknamesOnly: { type: 'boolean' },
    learningCheck: { type: 'boolean' },
    kinds: {
      type: 'array',
      uniqueItems: true,
      maxItems: QUESTION_KINDS.length,
      items: { type: 'string', enum: [...QUESTION_KINDS] },
    },
  },
} as const;

const keptBody = {
  type: 'object',
  additionalProperties: false,
  required: ['classes'],
  properties: {
    classes: {
      type: 'array',
      maxItems: MAX_KEPT_CLASSES,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'token'],
        properties: { code, token: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,100}$' } },
      },
    },
  },
} as const;

/**
 * The language a student plays in: one the game speaks, else refused (400 naming the field), since only a broken or
 * foreign client sends another; a join without it is English, as every join was before.
 */
const studentLanguage = { type: 'string', enum: [...LANGUAGES] } as const;

const joinBody = {
  type: 'object',
  additionalProperties: false,
  required: ['nickname'],
  properties: {
    nickname: { type: 'string', minLength: 1, maxLength: 200 },
    asksForMoreTime: { type: 'boolean' },
    language: studentLanguage,
  },
} as const;

const answerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['position', 'choice'],
  properties: {
    position: { type: 'integer', minimum: 0, maximum: MAX_CLASS_QUESTIONS - 1 },
    choice: { type: 'integer', minimum: 0, maximum: 9 },
    language: studentLanguage,
  },
} as const;

const lockBody = {
  type: 'object',
  additionalProperties: false,
  required: ['locked'],
  properties: { locked: { type: 'boolean' } },
} as const;

const liveBody = {
  type: 'object',
  additionalProperties: false,
  required: ['command'],
  properties: { command: { type: 'string', enum: [...LIVE_COMMANDS] } },
} as const;

const hideBody = {
  type: 'object',
  additionalProperties: false,
  required: ['hideScores'],
  properties: { hideScores: { type: 'boolean' } },
} as const;

const timeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['accommodation'],
  properties: { accommodation: { type: 'string', enum: [...TIME_ACCOMMODATIONS] } },
} as const;

type Params = { code: string; playerId?: string };

/** The token from "Authorization: Bearer …"; a 401 when it is missing or not a token at all. */
function tokenOf(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header) : null;
  if (!match) throw new ApiError(401, 'no-token', 'This request needs a token in its Authorization header.');
  return match[1]!;
}

/** The client's address, or a stand-in once its socket has gone (Node then no longer knows it). */
function clientAddress(request: FastifyRequest): string {
  return request.ip ?? 'gone';
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
    if (error instanceof ApiError) return reply.code(error.status).send({ error: error.code, message: error.message });
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
      throw new ApiError(403, 'cross-origin', 'Requests to the class server must come from its own pages.');
    }
  });
  // Failed class lookups (one 404 for a dead code and a token that does not fit) are counted per address.
  const failedLookups = new FailedLookups({ ...DEFAULT_LOOKUP_LIMIT, ...options.lookupLimit });
  const isClassLookup = (request: FastifyRequest) => request.url.startsWith('/api/classes/');
  app.addHook('onRequest', async (request) => {
    if (!isClassLookup(request)) return;
    const wait = failedLookups.waitFor(clientAddress(request));
    if (wait > 0) {
      throw new ApiError(
        429,
        'rate-limited',
        `Too many lookups of classes that are not there: try again in ${wait} s.`,
      );
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

  // Liveness: the process answers. Readiness: it can also write its database (503 otherwise, for the proxy's
  // health check and the operator; see docs/operations.md).
  app.get('/api/health', { schema: {} }, async () => ({ ok: true }));
  // Each check writes a row: plenty for a load balancer's health check, and no lever for a flood.
  app.get(
    '/api/ready',
    { schema: {}, config: { rateLimit: { max: 120, timeWindow: 60_000 } } },
    async (request, reply) => {
      const report = options.readiness ? await options.readiness.check() : { ready: true };
      if (!report.ready) request.log.warn({ problem: report.problem }, 'not ready');
      return reply
        .code(report.ready ? 200 : 503)
        .header('Cache-Control', 'no-store')
        .send(report);
    },
  );

  app.get(
    '/api/server-info',
    { schema: {} },
    async () => options.serverInfo?.() ?? { joinOrigins: [], loopbackOnly: true },
  );

  app.get('/api/topics', { schema: {} }, async () => ({
    topics: service.topicList(),
    kinds: service.kindList(),
  }));

  app.post(
    '/api/classes',
    {
      schema: { body: createBody },
      // Only this route takes a teacher's questions, so only it takes a body that large.
      bodyLimit: CREATE_BODY_LIMIT_BYTES,
      config: { rateLimit: { max: limits.createPerMinute, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const body = request.body as ClassSettings & { holdStart?: boolean; ownQuestions?: OwnQuestionsUpload };
      const settings: ClassSettings = {
        questionCount: body.questionCount,
        timeLimitSec: body.timeLimitSec,
        topics: body.topics,
        scoring: body.scoring,
        // Stored only when on, so the settings of every other class stay as they were.
        ...(body.generatedNicknamesOnly === true ? { generatedNicknamesOnly: true } : {}),
        ...(body.pool ? { pool: body.pool } : {}),
        ...(body.answerReveal ? { answerReveal: body.answerReveal } : {}),
        ...(body.kinds && body.kinds.length > 0 ? { kinds: body.kinds } : {}),
        ...(body.pace ? { pace: body.pace } : {}),
        ...(body.learningCheck === true ? { learningCheck: true } : {}),
      };
      return reply
        .code(201)
        .send(await commits.run(() => service.createClass(settings, body.holdStart === true, body.ownQuestions)));
    },
  );

  // The host page's list of the classes it created: the tokens travel in the body, never in a URL.
  app.post(
    '/api/classes/kept',
    { schema: { body: keptBody }, config: { rateLimit: { max: limits.createPerMinute, timeWindow: 60_000 } } },
    async (request) => {
      const { classes } = request.body as { classes: { code: string; token: string }[] };
      return commits.run(async () => ({ classes: await service.keptClasses(classes) }));
    },
  );

  app.get(
    '/api/classes/:code',
    { schema: { params: classParams }, config: { rateLimit: joinLimit } },
    async (request) => commits.run(() => service.classInfo((request.params as Params).code)),
  );

  app.post(
    '/api/classes/:code/players',
    { schema: { params: classParams, body: joinBody }, config: { rateLimit: joinLimit } },
    async (request, reply) => {
      const { nickname, asksForMoreTime, language } = request.body as {
        nickname: string;
        asksForMoreTime?: boolean;
        language?: Language;
      };
      const code = (request.params as Params).code;
      return reply
        .code(201)
        .send(
          await commits.run(() =>
            service.join(code, nickname, clientAddress(request), asksForMoreTime === true, language),
          ),
        );
    },
  );

  app.get(
    '/api/classes/:code/players/:playerId',
    { schema: { params: playerParams, headers: authHeaders } },
    async (request) => {
      const params = request.params as Required<Params>;
      return commits.run(() => service.playerView(params.code, params.playerId, tokenOf(request)));
    },
  );

  app.post(
    '/api/classes/:code/players/:playerId/next',
    { schema: { params: playerParams, headers: authHeaders, body: emptyBody } },
    async (request) => {
      const params = request.params as Required<Params>;
      return commits.run(() => service.next(params.code, params.playerId, tokenOf(request)));
    },
  );

  app.post(
    '/api/classes/:code/players/:playerId/answers',
    { schema: { params: playerParams, headers: authHeaders, body: answerBody }, config: { rateLimit: answerLimit } },
    async (request) => {
      const params = request.params as Required<Params>;
      const { position, choice, language } = request.body as { position: number; choice: number; language?: Language };
      return commits.run(() =>
        service.answer(params.code, params.playerId, tokenOf(request), position, choice, language),
      );
    },
  );

  app.get(
    '/api/classes/:code/players/:playerId/events',
    { schema: { params: playerParams, headers: authHeaders } },
    async (request, reply) => {
      const params = request.params as Required<Params>;
      const { row, player } = await service.authPlayer(params.code, params.playerId, tokenOf(request));
      const info = await service.classInfo(params.code);
      service.followStream(player.id, reply.raw);
      openStream(reply, (headers) => hub.openPlayer(row.id, params.playerId, info, reply.raw, headers));
    },
  );

  // "Leave the class", asked for by the student (their screen confirms first).
  app.delete(
    '/api/classes/:code/players/:playerId/seat',
    { schema: { params: playerParams, headers: authHeaders } },
    async (request, reply) => {
      const params = request.params as Required<Params>;
      await commits.run(() => service.leave(params.code, params.playerId, tokenOf(request)));
      return reply.code(204).send();
    },
  );

  // ——— The teacher ———

  app.get('/api/classes/:code/dashboard', { schema: { params: classParams, headers: authHeaders } }, async (request) =>
    commits.run(() => service.dashboard((request.params as Params).code, tokenOf(request))),
  );

  app.get(
    '/api/classes/:code/events',
    { schema: { params: classParams, headers: authHeaders } },
    async (request, reply) => {
      const row = await service.authTeacher((request.params as Params).code, tokenOf(request));
      openStream(reply, (headers) => hub.openDashboard(row.id, reply.raw, headers));
    },
  );

  app.post(
    '/api/classes/:code/start',
    { schema: { params: classParams, headers: authHeaders, body: emptyBody } },
    async (request) => commits.run(() => service.start((request.params as Params).code, tokenOf(request))),
  );

  app.post(
    '/api/classes/:code/end',
    { schema: { params: classParams, headers: authHeaders, body: emptyBody } },
    async (request) => commits.run(() => service.end((request.params as Params).code, tokenOf(request))),
  );

  // A live lesson: Next, Show answer, Pause, Resume, Skip, End, each refused with a code when it does not fit.
  app.post(
    '/api/classes/:code/live',
    { schema: { params: classParams, headers: authHeaders, body: liveBody } },
    async (request) => {
      const { command } = request.body as { command: LiveCommand };
      return commits.run(() => service.liveCommand((request.params as Params).code, tokenOf(request), command));
    },
  );

  app.post(
    '/api/classes/:code/lock-joining',
    { schema: { params: classParams, headers: authHeaders, body: lockBody } },
    async (request) => {
      const { locked } = request.body as { locked: boolean };
      return commits.run(() => service.setJoiningLocked((request.params as Params).code, tokenOf(request), locked));
    },
  );

  app.post(
    '/api/classes/:code/hide-scores',
    { schema: { params: classParams, headers: authHeaders, body: hideBody } },
    async (request) => {
      const { hideScores } = request.body as { hideScores: boolean };
      return commits.run(() => service.setHideScores((request.params as Params).code, tokenOf(request), hideScores));
    },
  );

  app.post(
    '/api/classes/:code/players/:playerId/time',
    { schema: { params: playerParams, headers: authHeaders, body: timeBody } },
    async (request, reply) => {
      const params = request.params as Required<Params>;
      const { accommodation } = request.body as { accommodation: TimeAccommodation };
      await commits.run(() =>
        service.setTimeAccommodation(params.code, tokenOf(request), params.playerId, accommodation),
      );
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/classes/:code/players/:playerId',
    { schema: { params: playerParams, headers: authHeaders } },
    async (request, reply) => {
      const params = request.params as Required<Params>;
      await commits.run(() => service.removePlayer(params.code, tokenOf(request), params.playerId));
      return reply.code(204).send();
    },
  );

  // Deleting for real, at the teacher's request: the rows go and their bytes are zeroed (docs/privacy.md).
  app.delete(
    '/api/classes/:code',
    { schema: { params: classParams, headers: authHeaders } },
    async (request, reply) => {
      await commits.run(() => service.deleteClass((request.params as Params).code, tokenOf(request)));
      service.flushDeleted();
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/classes/:code/players/:playerId/data',
    { schema: { params: playerParams, headers: authHeaders } },
    async (request, reply) => {
      const params = request.params as Required<Params>;
      await commits.run(() => service.erasePlayer(params.code, tokenOf(request), params.playerId));
      service.flushDeleted();
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/classes/:code/results.csv',
    { schema: { params: classParams, headers: authHeaders } },
    async (request, reply) => {
      const params = request.params as Params;
      const csv = await commits.run(() => service.resultsCsv(params.code, tokenOf(request)));
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="source-check-class-${params.code}.csv"`)
        .header('Cache-Control', 'no-store')
        .send(`\uFEFF${csv}`);
    },
  );

  registerCheckRoutes(app, {
    service,
    commits,
    schemas: { classParams, playerParams, authHeaders, emptyBody },
    tokenOf,
    answerLimit,
  });
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

/** Hands the response over to a live stream, with the security headers already set on the reply. */
function openStream(reply: FastifyReply, open: (headers: Record<string, string>) => void): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (typeof value === 'string') headers[name] = value;
    else if (typeof value === 'number') headers[name] = String(value);
  }
  reply.hijack();
  open(headers);
}
