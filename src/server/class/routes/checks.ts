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
import { tokenOf } from './request';
import { authHeaders, classParams, emptyBody, playerParams, type ClassPath, type PlayerPath } from './schemas';

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
  app.get(
    '/api/classes/:code/players/:playerId/check',
    { schema: { params: playerParams, headers: authHeaders } },
    async (request) => {
      const params = request.params as PlayerPath;
      return commits.run(() => service.checkView(params.code, params.playerId, tokenOf(request)));
    },
  );

  app.post(
    '/api/classes/:code/players/:playerId/check-answers',
    {
      schema: { params: playerParams, headers: authHeaders, body: checkAnswerBody },
      config: { rateLimit: limits.answer },
    },
    async (request) => {
      const params = request.params as PlayerPath;
      const sent = request.body as SentCheckAnswer;
      return commits.run(() => service.checkAnswer(params.code, params.playerId, tokenOf(request), sent));
    },
  );

  app.get('/api/classes/:code/checks', { schema: { params: classParams, headers: authHeaders } }, async (request) => {
    const { code } = request.params as ClassPath;
    return commits.run(() => service.classChecks(code, tokenOf(request)));
  });

  app.post(
    '/api/classes/:code/delayed-check',
    { schema: { params: classParams, headers: authHeaders, body: emptyBody } },
    async (request) => {
      const { code } = request.params as ClassPath;
      return commits.run(() => service.openDelayedCheck(code, tokenOf(request)));
    },
  );
};
