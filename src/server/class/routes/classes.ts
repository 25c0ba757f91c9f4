/**
 * Classes as anyone reaches them: a teacher creates one (and lists the ones their device created), a student looks
 * a code up and joins. No token is needed here: the teacher's and the student's are handed out by these routes.
 */
import type { FastifyPluginAsync } from 'fastify';
import { KEBAB_CASE } from '../../../core/bank';
import {
  ANSWER_REVEALS,
  CLASS_PACES,
  CLASS_POOLS,
  MAX_KEPT_CLASSES,
  MAX_SENT_NICKNAME_CHARS,
  MAX_SENT_TOPICS,
  MAX_TOPIC_ID_CHARS,
  SCORING_MODES,
  TOKEN_PATTERN,
  type ClassSettings,
} from '../../../core/classProtocol';
import { MAX_CLASS_QUESTIONS, MIN_CLASS_QUESTIONS } from '../../../core/classRules';
import { MAX_TIME_LIMIT_SEC, MIN_TIME_LIMIT_SEC } from '../../../core/settings';
import { QUESTION_KINDS } from '../../../core/types';
import { CREATE_BODY_LIMIT_BYTES, MAX_OWN_FILE_NAME_CHARS, type OwnQuestionsUpload } from '../ownQuestions';
import type { ClassRouteOptions } from './context';
import { clientAddress } from './request';
import { classParams, code, studentLanguage, type ClassPath } from './schemas';
import type { Language } from '../../../core/languages';

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
      maxItems: MAX_SENT_TOPICS,
      uniqueItems: true,
      items: { type: 'string', pattern: KEBAB_CASE.source, maxLength: MAX_TOPIC_ID_CHARS },
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
        properties: { code, token: { type: 'string', pattern: TOKEN_PATTERN } },
      },
    },
  },
} as const;

const joinBody = {
  type: 'object',
  additionalProperties: false,
  required: ['nickname'],
  properties: {
    nickname: { type: 'string', minLength: 1, maxLength: MAX_SENT_NICKNAME_CHARS },
    asksForMoreTime: { type: 'boolean' },
    language: studentLanguage,
  },
} as const;

export const classRoutes: FastifyPluginAsync<ClassRouteOptions> = async (app, { service, commits, limits }) => {
  app.post(
    '/api/classes',
    {
      schema: { body: createBody },
      // Only this route takes a teacher's questions, so only it takes a body that large.
      bodyLimit: CREATE_BODY_LIMIT_BYTES,
      config: { rateLimit: limits.create },
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
    { schema: { body: keptBody }, config: { rateLimit: limits.create } },
    async (request) => {
      const { classes } = request.body as { classes: { code: string; token: string }[] };
      return commits.run(async () => ({ classes: await service.keptClasses(classes) }));
    },
  );

  app.get(
    '/api/classes/:code',
    { schema: { params: classParams }, config: { rateLimit: limits.join } },
    async (request) => commits.run(() => service.classInfo((request.params as ClassPath).code)),
  );

  app.post(
    '/api/classes/:code/players',
    { schema: { params: classParams, body: joinBody }, config: { rateLimit: limits.join } },
    async (request, reply) => {
      const { nickname, asksForMoreTime, language } = request.body as {
        nickname: string;
        asksForMoreTime?: boolean;
        language?: Language;
      };
      const code = (request.params as ClassPath).code;
      return reply
        .code(201)
        .send(
          await commits.run(() =>
            service.join(code, nickname, clientAddress(request), asksForMoreTime === true, language),
          ),
        );
    },
  );
};
