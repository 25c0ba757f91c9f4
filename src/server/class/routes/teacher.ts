/**
 * The teacher's routes, each with the class's teacher token: the dashboard and its stream, starting and ending,
 * the live lesson's commands, the class's switches, a student's time and removal, the results, deletion.
 */
import type { FastifyPluginAsync } from 'fastify';
import { LIVE_COMMANDS, type LiveCommand } from '../../../core/liveLesson';
import { TIME_ACCOMMODATIONS, type TimeAccommodation } from '../../../core/timeAccommodation';
import type { ClassRouteOptions } from './context';
import { teacherAuth, teacherOf } from './auth';
import { openStream } from './request';
import { authHeaders, classParams, emptyBody, playerParams, type ClassPath, type PlayerPath } from './schemas';

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

export const teacherRoutes: FastifyPluginAsync<ClassRouteOptions> = async (app, { service, hub, commits }) => {
  app.addHook('preHandler', teacherAuth(service.auth));

  app.get('/api/classes/:code/dashboard', { schema: { params: classParams, headers: authHeaders } }, async (request) =>
    commits.run(() => service.dashboard(teacherOf(request))),
  );

  app.get(
    '/api/classes/:code/events',
    { schema: { params: classParams, headers: authHeaders } },
    async (request, reply) => {
      const row = await service.authTeacher(teacherOf(request));
      openStream(reply, (headers) => hub.openDashboard(row.id, reply.raw, headers));
    },
  );

  app.post(
    '/api/classes/:code/start',
    { schema: { params: classParams, headers: authHeaders, body: emptyBody } },
    async (request) => commits.run(() => service.start(teacherOf(request))),
  );

  app.post(
    '/api/classes/:code/end',
    { schema: { params: classParams, headers: authHeaders, body: emptyBody } },
    async (request) => commits.run(() => service.end(teacherOf(request))),
  );

  // A live lesson: Next, Show answer, Pause, Resume, Skip, End, each refused with a code when it does not fit.
  app.post(
    '/api/classes/:code/live',
    { schema: { params: classParams, headers: authHeaders, body: liveBody } },
    async (request) => {
      const { command } = request.body as { command: LiveCommand };
      return commits.run(() => service.liveCommand(teacherOf(request), command));
    },
  );

  app.post(
    '/api/classes/:code/lock-joining',
    { schema: { params: classParams, headers: authHeaders, body: lockBody } },
    async (request) => {
      const { locked } = request.body as { locked: boolean };
      return commits.run(() => service.setJoiningLocked(teacherOf(request), locked));
    },
  );

  app.post(
    '/api/classes/:code/hide-scores',
    { schema: { params: classParams, headers: authHeaders, body: hideBody } },
    async (request) => {
      const { hideScores } = request.body as { hideScores: boolean };
      return commits.run(() => service.setHideScores(teacherOf(request), hideScores));
    },
  );

  app.post(
    '/api/classes/:code/players/:playerId/time',
    { schema: { params: playerParams, headers: authHeaders, body: timeBody } },
    async (request, reply) => {
      const params = request.params as PlayerPath;
      const { accommodation } = request.body as { accommodation: TimeAccommodation };
      await commits.run(() => service.setTimeAccommodation(teacherOf(request), params.playerId, accommodation));
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/classes/:code/players/:playerId',
    { schema: { params: playerParams, headers: authHeaders } },
    async (request, reply) => {
      const params = request.params as PlayerPath;
      await commits.run(() => service.removePlayer(teacherOf(request), params.playerId));
      return reply.code(204).send();
    },
  );

  // Deleting for real, at the teacher's request: the rows go and their bytes are zeroed (docs/privacy.md).
  app.delete(
    '/api/classes/:code',
    { schema: { params: classParams, headers: authHeaders } },
    async (request, reply) => {
      await commits.run(() => service.deleteClass(teacherOf(request)));
      service.flushDeleted();
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/classes/:code/players/:playerId/data',
    { schema: { params: playerParams, headers: authHeaders } },
    async (request, reply) => {
      const params = request.params as PlayerPath;
      await commits.run(() => service.erasePlayer(teacherOf(request), params.playerId));
      service.flushDeleted();
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/classes/:code/results.csv',
    { schema: { params: classParams, headers: authHeaders } },
    async (request, reply) => {
      const params = request.params as ClassPath;
      const csv = await commits.run(() => service.resultsCsv(teacherOf(request)));
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="source-check-class-${params.code}.csv"`)
        .header('Cache-Control', 'no-store')
        .send(`\uFEFF${csv}`);
    },
  );
};
