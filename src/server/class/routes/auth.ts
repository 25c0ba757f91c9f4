/**
 * Authentication once per request: a preHandler (after the schemas have checked the path and the header) finds
 * the teacher's class or the player from the path's code and the request's token, and puts the key on the
 * request; the handler passes it to the service. A failure is the same 404 as an unknown code (classAuth.ts),
 * which the failed-lookup limit counts like any other 404 under /api/classes/.
 */
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ClassAuth, PlayerKey, TeacherKey } from '../classAuth';
import { tokenOf } from './request';
import type { ClassPath, PlayerPath } from './schemas';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by teacherAuth: the class whose teacher token the request carries. */
    teacher: TeacherKey | null;
    /** Set by playerAuth: the player whose token the request carries. */
    player: PlayerKey | null;
  }
}

/** Gives every request the two keys, empty until a hook below fills one in. */
export function decorateAuth(app: FastifyInstance): void {
  app.decorateRequest('teacher', null);
  app.decorateRequest('player', null);
}

export function teacherAuth(auth: ClassAuth): preHandlerAsyncHookHandler {
  return async (request) => {
    request.teacher = await auth.teacher((request.params as ClassPath).code, tokenOf(request));
  };
}

export function playerAuth(auth: ClassAuth): preHandlerAsyncHookHandler {
  return async (request) => {
    const params = request.params as PlayerPath;
    request.player = await auth.player(params.code, params.playerId, tokenOf(request));
  };
}

/** The teacher's key of a route behind teacherAuth. */
export function teacherOf(request: FastifyRequest): TeacherKey {
  if (!request.teacher) throw new Error(`${request.routeOptions.url ?? request.url} has no teacherAuth hook.`);
  return request.teacher;
}

/** The player's key of a route behind playerAuth. */
export function playerOf(request: FastifyRequest): PlayerKey {
  if (!request.player) throw new Error(`${request.routeOptions.url ?? request.url} has no playerAuth hook.`);
  return request.player;
}
