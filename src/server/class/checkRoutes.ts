/**
 * The learning check's routes: a student's check (what is open to them, one judged claim at a time) and the
 * teacher's (every student's answers for the host page, and opening the delayed check). Each body field is checked
 * by its schema; what the student's form holds and when each check is open is checked by classChecks.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CHECK_JUDGEMENTS, CONFIDENCE_LEVELS } from '../../core/discernment';
import { CHECK_STAGES } from '../../core/classCheck';
import type { SentCheckAnswer } from './classChecks';
import type { ClassStore } from './store';
import type { ClassService } from './service';

export interface CheckRouteOptions {
  service: ClassService;
  commits: ClassStore;
  /** The route schemas of the class's and the player's path, and of the Authorization header. */
  schemas: { classParams: object; playerParams: object; authHeaders: object; emptyBody: object };
  /** The token from the Authorization header (a 401 without one). */
  tokenOf: (request: FastifyRequest) => string;
  /** The per-player answer rate limit. */
  answerLimit: object;
}

const checkAnswerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['stage', 'itemId', 'judgement', 'confidence'],
  properties: {
    stage: { type: 'string', enum: [...CHECK_STAGES] },
    itemId: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 100 },
    judgement: { type: 'string', enum: [...CHECK_JUDGEMENTS] },
    confidence: { type: 'string', enum: [...CONFIDENCE_LEVELS] },
  },
} as const;

export function registerCheckRoutes(app: FastifyInstance, options: CheckRouteOptions): void {
  const { service, commits, schemas, tokenOf } = options;
  type Params = { code: string; playerId: string };

  app.get(
    '/api/classes/:code/players/:playerId/check',
    { schema: { params: schemas.playerParams, headers: schemas.authHeaders } },
    async (request) => {
      const params = request.params as Params;
      return commits.run(() => service.checkView(params.code, params.playerId, tokenOf(request)));
    },
  );

  app.post(
    '/api/classes/:code/players/:playerId/check-answers',
    {
      schema: { params: schemas.playerParams, headers: schemas.authHeaders, body: checkAnswerBody },
      config: { rateLimit: options.answerLimit },
    },
    async (request) => {
      const params = request.params as Params;
      const sent = request.body as SentCheckAnswer;
      return commits.run(() => service.checkAnswer(params.code, params.playerId, tokenOf(request), sent));
    },
  );

  app.get(
    '/api/classes/:code/checks',
    { schema: { params: schemas.classParams, headers: schemas.authHeaders } },
    async (request) => {
      const { code } = request.params as Params;
      return commits.run(() => service.classChecks(code, tokenOf(request)));
    },
  );

  app.post(
    '/api/classes/:code/delayed-check',
    { schema: { params: schemas.classParams, headers: schemas.authHeaders, body: schemas.emptyBody } },
    async (request) => {
      const { code } = request.params as Params;
      return commits.run(() => service.openDelayedCheck(code, tokenOf(request)));
    },
  );
}
