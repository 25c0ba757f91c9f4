/** What every class route plugin is given: the service, the live hub, the store requests commit through, limits. */
import type { FastifyRequest } from 'fastify';
import type { LiveHub } from '../hub';
import type { ClassService } from '../service';
import type { ClassStore } from '../store';

/** One route's rate limit (see @fastify/rate-limit's route config). */
export interface RouteRateLimit {
  max: number;
  timeWindow: number;
  keyGenerator?: (request: FastifyRequest) => string;
}

export interface ClassRouteOptions {
  service: ClassService;
  hub: LiveHub;
  /** Every request's database work goes through it, and is answered once committed. */
  commits: ClassStore;
  limits: { create: RouteRateLimit; join: RouteRateLimit; answer: RouteRateLimit };
}
