/**
 * The challenge API under /api/challenges, and the short link's page (`/c/CODE`: the game's own page, with the
 * challenge's preview tags). Playing goes through the class API with the seat this API hands out, so a challenge's
 * answers are timed and scored by exactly the rules of a class; these routes only make, join, show, close and
 * prune challenges.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  challengeCodeFromPath,
  MAX_CHALLENGE_DAYS,
  MAX_CHALLENGE_TITLE_LENGTH,
  MIN_CHALLENGE_DAYS,
} from '../../core/challengeProtocol';
import { MAX_SENT_NICKNAME_CHARS } from '../../core/classProtocol';
import type { ClassStore } from '../class/store';
import { bearerOf, clientAddress, tokenOf } from '../class/routes/request';
import { authHeaders, classParams, emptyBody, playerParams } from '../class/routes/schemas';
import { BoardStreams } from './boardStream';
import { pageBase } from '../pagePreview';
import { challengePage } from './page';
import type { ChallengeService } from './service';

export interface ChallengeRateLimits {
  /** Challenges one address may make per minute (the flood guard also caps them per hour). */
  createPerMinute: number;
  /** Joins and board reads one address may make per minute. */
  joinPerMinute: number;
  boardPerMinute: number;
}

export const DEFAULT_CHALLENGE_RATE_LIMITS: ChallengeRateLimits = {
  createPerMinute: 10,
  joinPerMinute: 60,
  boardPerMinute: 240,
};

export interface ChallengeRouteOptions {
  challenges: ChallengeService;
  commits: ClassStore;
  limits?: Partial<ChallengeRateLimits>;
  /** The built game's folder: the short link serves its page. */
  staticDir?: string;
  /** PUBLIC_URL when set: the previews' absolute addresses start there (see pagePreview.ts). */
  publicUrl?: () => string | undefined;
}

const nickname = { type: 'string', minLength: 1, maxLength: MAX_SENT_NICKNAME_CHARS } as const;
// No score, time or answer is ever taken here: a body with any field but these is refused.
const createBody = {
  type: 'object',
  additionalProperties: false,
  required: ['nickname'],
  properties: {
    nickname,
    title: { type: 'string', maxLength: MAX_CHALLENGE_TITLE_LENGTH * 4 },
    days: { type: 'integer', minimum: MIN_CHALLENGE_DAYS, maximum: MAX_CHALLENGE_DAYS },
  },
} as const;
const joinBody = { type: 'object', additionalProperties: false, required: ['nickname'], properties: { nickname } };
const CLASS_PATH = /^\/api\/classes\/([A-Z0-9]{6})(?:[/?]|$)/;

export async function registerChallengeRoutes(app: FastifyInstance, options: ChallengeRouteOptions): Promise<void> {
  const { challenges, commits } = options;
  const limits = { ...DEFAULT_CHALLENGE_RATE_LIMITS, ...options.limits };
  const streams = new BoardStreams((wanted) => challenges.board(wanted).catch(() => undefined));
  const stop = challenges.onChange((changed) => streams.changed(changed));
  // A challenge past its deadline takes no more answers: it is closed before any class request reaches it.
  app.addHook('onRequest', async (request) => {
    const match = CLASS_PATH.exec(request.url);
    if (match) await challenges.closeDue(match[1]);
  });
  const sweeper = setInterval(() => {
    challenges.closeDue().catch((error: unknown) => app.log.error({ err: error }, 'closing challenges failed'));
  }, 60_000);
  sweeper.unref();
  app.addHook('preClose', async () => {
    clearInterval(sweeper);
    stop();
    streams.closeAll();
  });

  app.post(
    '/api/challenges',
    { schema: { body: createBody }, config: { rateLimit: { max: limits.createPerMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      const body = request.body as { nickname: string; title?: string; days?: number };
      const created = await commits.run(() => challenges.create(body, clientAddress(request)));
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/challenges/:code',
    { schema: { params: classParams }, config: { rateLimit: { max: limits.boardPerMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      const board = await commits.run(() => challenges.board((request.params as { code: string }).code));
      return reply.header('Cache-Control', 'no-store').send(board);
    },
  );

  app.post(
    '/api/challenges/:code/players',
    {
      schema: { params: classParams, headers: authHeaders, body: joinBody },
      config: { rateLimit: { max: limits.joinPerMinute, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const wanted = (request.params as { code: string }).code;
      const { nickname: name } = request.body as { nickname: string };
      const seat = await commits.run(() => challenges.join(wanted, name, clientAddress(request), bearerOf(request)));
      return reply.code(201).send(seat);
    },
  );

  app.get(
    '/api/challenges/:code/events',
    { schema: { params: classParams }, config: { rateLimit: { max: limits.boardPerMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      const wanted = (request.params as { code: string }).code;
      await challenges.board(wanted);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (typeof value === 'string') headers[name] = value;
        else if (typeof value === 'number') headers[name] = String(value);
      }
      reply.hijack();
      streams.open(wanted, reply.raw, headers);
    },
  );

  app.post(
    '/api/challenges/:code/close',
    { schema: { params: classParams, headers: authHeaders, body: emptyBody } },
    async (request) => commits.run(() => challenges.close((request.params as { code: string }).code, tokenOf(request))),
  );

  app.delete(
    '/api/challenges/:code/entries/:playerId',
    { schema: { params: playerParams, headers: authHeaders } },
    async (request) => {
      const params = request.params as { code: string; playerId: string };
      return commits.run(() => challenges.removeEntry(params.code, tokenOf(request), params.playerId));
    },
  );

  if (options.staticDir) {
    const page = challengePage(options.staticDir);
    if (page) {
      app.get(
        '/c/:code',
        { schema: { params: { type: 'object', properties: { code: { type: 'string', maxLength: 40 } } } } },
        async (request: FastifyRequest, reply: FastifyReply) => {
          const wanted = (request.params as { code: string }).code;
          // The page reads the board as it is built: it is read first, and an unknown code has none.
          const code = challengeCodeFromPath(`/c/${wanted}`);
          const board = code ? await challenges.board(code).catch(() => undefined) : undefined;
          return reply
            .header('Content-Type', 'text/html; charset=utf-8')
            .header('Cache-Control', 'no-cache')
            .send(
              page(
                wanted,
                () => {
                  if (!board) throw new Error('There is no challenge with that code.');
                  return board;
                },
                pageBase(request, options.publicUrl?.()),
              ),
            );
        },
      );
    }
  }
}
