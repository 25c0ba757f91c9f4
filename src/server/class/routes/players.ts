/** A student's routes, each with their token: their view, the next question, an answer, their live stream, leaving. */
import type { FastifyPluginAsync } from 'fastify';
import { MAX_SENT_CHOICE } from '../../../core/classProtocol';
import { MAX_CLASS_QUESTIONS } from '../../../core/classRules';
import type { ClassRouteOptions } from './context';
import { playerAuth, playerOf } from './auth';
import { openStream } from './request';
import { authHeaders, emptyBody, playerParams, studentLanguage, type PlayerPath } from './schemas';
import type { Language } from '../../../core/languages';

const answerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['position', 'choice'],
  properties: {
    position: { type: 'integer', minimum: 0, maximum: MAX_CLASS_QUESTIONS - 1 },
    choice: { type: 'integer', minimum: 0, maximum: MAX_SENT_CHOICE },
    language: studentLanguage,
  },
} as const;

export const playerRoutes: FastifyPluginAsync<ClassRouteOptions> = async (app, { service, hub, commits, limits }) => {
  app.addHook('preHandler', playerAuth(service.auth));

  app.get(
    '/api/classes/:code/players/:playerId',
    { schema: { params: playerParams, headers: authHeaders } },
    async (request) => commits.run(() => service.playerView(playerOf(request))),
  );

  app.post(
    '/api/classes/:code/players/:playerId/next',
    { schema: { params: playerParams, headers: authHeaders, body: emptyBody } },
    async (request) => commits.run(() => service.next(playerOf(request))),
  );

  app.post(
    '/api/classes/:code/players/:playerId/answers',
    { schema: { params: playerParams, headers: authHeaders, body: answerBody }, config: { rateLimit: limits.answer } },
    async (request) => {
      const { position, choice, language } = request.body as { position: number; choice: number; language?: Language };
      return commits.run(() => service.answer(playerOf(request), position, choice, language));
    },
  );

  app.get(
    '/api/classes/:code/players/:playerId/events',
    { schema: { params: playerParams, headers: authHeaders } },
    async (request, reply) => {
      const params = request.params as PlayerPath;
      const { row, player } = await service.authPlayer(playerOf(request));
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
      await commits.run(() => service.leave(playerOf(request)));
      return reply.code(204).send();
    },
  );
};
