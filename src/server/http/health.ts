import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DatabaseMonitor } from '../db/monitor';
import { sendError } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false` for the few /api/v1 routes that answer without the database (served during an outage). */
    usesDatabase?: boolean;
  }
}

const databaseSchema = z.object({
  status: z.enum(['up', 'down']),
  kind: z.enum(['pglite', 'postgres']),
  since: z.string(),
  checkedAt: z.string().nullable(),
  latencyMs: z.number().nullable(),
  error: z.string().nullable(),
});
const healthSchema = z.object({ ok: z.boolean(), database: databaseSchema });
const readySchema = z.object({ ready: z.boolean(), reason: z.string().nullable() });

/**
 * Health and readiness for operators and load balancers, and the gate that answers requests 503
 * at once while the database is known to be down or the server is shutting down.
 * - `GET /api/health`: asks the database now; 200 when it answered, 503 with the error when not.
 * - `GET /api/ready`: whether to send this server traffic (the last known database state and not
 *   shutting down), cheap enough to poll every second.
 * - `GET /api/live`: the process answers at all (restarting it would not bring a database back).
 */
export function registerHealth(app: FastifyInstance, monitor: DatabaseMonitor, kind: 'pglite' | 'postgres') {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    if (closing) {
      reply.header('retry-after', '5').header('connection', 'close');
      return sendError(reply, request, 'SHUTTING_DOWN');
    }
    if (monitor.refusing && request.routeOptions.config.usesDatabase !== false) {
      reply.header('retry-after', '5');
      return sendError(reply, request, 'DATABASE_UNAVAILABLE', { since: monitor.current.since.toISOString() });
    }
  });

  const describe = () => {
    const s = monitor.current;
    return { status: s.status, kind, since: s.since.toISOString(), checkedAt: s.checkedAt?.toISOString() ?? null, latencyMs: s.latencyMs, error: s.error };
  };

  app.get(
    '/api/health',
    { schema: { tags: ['operations'], summary: '상태 확인 (Health: asks the database now)', response: { 200: healthSchema, 503: healthSchema } } },
    async (_request, reply) => {
      const state = await monitor.check();
      reply.header('cache-control', 'no-store');
      return reply.code(state.status === 'up' ? 200 : 503).send({ ok: state.status === 'up', database: describe() });
    },
  );

  app.get(
    '/api/ready',
    { schema: { tags: ['operations'], summary: '트래픽 수신 가능 여부 (Readiness for load balancers)', response: { 200: readySchema, 503: readySchema } } },
    async (_request, reply) => {
      const reason = closing ? 'shutting down' : monitor.current.status === 'down' ? `database unavailable: ${monitor.current.error ?? ''}` : null;
      reply.header('cache-control', 'no-store');
      return reply.code(reason ? 503 : 200).send({ ready: reason === null, reason });
    },
  );

  app.get('/api/live', { schema: { tags: ['operations'], summary: '프로세스 응답 (Liveness)', response: { 200: z.object({ live: z.literal(true) }) } } }, async () => ({ live: true as const }));
}
