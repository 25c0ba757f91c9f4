/**
 * The learning check's routes: a student's check (what is open to them, one judged claim at a time) and the
 * teacher's (every student's answers for the host page, and opening the delayed check). Each body field is checked
 * by its schema; what the student's form holds and when each check is open is checked by classChecks.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import { KEBAB_CASE } from '../../../core/bank';
import { CHECK_JUDGEMENTS, CONFIDENCE_LEVELS } from '../../../core/discernment';
import { CHECK_STAGES } from '../../../core/classCheck';
import { MAX_CHECK_ITEM_ID_CHARS } from '../../../core/classProtocol';
import type { SentCheckAnswer } from '../classChecks';
import type { ClassRouteOptions } from './context';
import { playerAuth, playerOf, teacherAuth, teacherOf } from './auth';
import { authHeaders, classParams, emptyBody, playerParams } from './schemas';

const checkAnswerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['stage', 'itemId', 'judgement', 'confidence'],
  properties: {
    stage: { type: 'string', enum: [...CHECK_STAGES] },
    itemId: { type: 'string', pattern: KEBAB_CASE.source, maxLength: MAX_CHECK_ITEM_ID_CHARS },
    judgement: { type: 'string', enum: [...CHECK_JUDGEMENTS] },
    confidence: { type: 'string', enum: [...CONFIDENCE_LEVELS] },
  },
} as const;

export const checkRoutes: FastifyPluginAsync<ClassRouteOptions> = async (app, { service, commits, limits }) => {
  const asPlayer = playerAuth(service.auth);
  const asTeacher = teacherAuth(service.auth);

  app.get(
    '/api/classes/:code/players/:playerId/check',
    { schema: { params: playerParams, headers: authHeaders }, preHandler: asPlayer },
    async (request) => commits.run(() => service.checkView(playerOf(request))),
  );

  app.post(
    '/api/classes/:code/players/:playerId/check-answers',
    {
      schema: { params: playerParams, headers: authHeaders, body: checkAnswerBody },
      config: { rateLimit: limits.answer },
      preHandler: asPlayer,
    },
    async (request) => {
      const sent = request.body as SentCheckAnswer;
      return commits.run(() => service.checkAnswer(playerOf(request), sent));
    },
  );

  app.get(
    '/api/classes/:code/checks',
    { schema: { params: classParams, headers: authHeaders }, preHandler: asTeacher },
    async (request) => commits.run(() => service.classChecks(teacherOf(request))),
  );

  app.post(
    '/api/classes/:code/delayed-check',
    { schema: { params: classParams, headers: authHeaders, body: emptyBody }, preHandler: asTeacher },
    async (request) => commits.run(() => service.openDelayedCheck(teacherOf(request))),
  );
};
