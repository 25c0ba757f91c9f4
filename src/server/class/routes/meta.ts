/** The server's own routes: liveness, readiness, where students reach it, and the topics a class can draw from. */
import type { FastifyPluginAsync } from 'fastify';
import type { ServerInfo } from '../../../core/classProtocol';
import type { Readiness } from '../readiness';
import type { ClassService } from '../service';

export interface MetaRouteOptions {
  service: ClassService;
  /** What /api/ready checks; ready when none is given. */
  readiness?: Readiness;
  /** Where students can reach this server (filled in once it listens). */
  serverInfo?: () => ServerInfo;
}

export const metaRoutes: FastifyPluginAsync<MetaRouteOptions> = async (app, options) => {
  const { service } = options;

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
};
