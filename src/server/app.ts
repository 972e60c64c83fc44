import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuth } from './auth/plugin';
import { authRoutes } from './auth/routes';
import type { Db } from './db/client';
import { registerErrorHandling } from './http/errors';
import { memoRoutes } from './memos/routes';
import { orderRoutes } from './orders/routes';
import { timelineRoutes } from './timeline/routes';

export interface AppOptions {
  db: Db;
  secureCookies?: boolean;
  logger?: boolean;
}

/** Builds the HTTP app around an open database; main.ts and the tests both start it this way. */
export async function buildApp({ db, secureCookies = false, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: 5 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(fastifyCookie);
  registerAuth(app, db);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Jumun API',
        version: '1.0.0',
        description:
          '주문 (Jumun) order management. Money is integer won; times are ISO 8601 with offset. Staff routes take the session cookie ' +
          'or a shop API key (`Authorization: Bearer jm_…`). Errors answer `{ error: { code, message, details } }`, in Korean or English by `Accept-Language`.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'Shop API key: jm_<shopId>_<secret>' },
          session: { type: 'apiKey', in: 'cookie', name: 'jumun_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { hide: true, response: { 200: z.object({ ok: z.boolean() }) } } }, async () => ({ ok: true }));
  await app.register(authRoutes, { db, secureCookies });
  await app.register(orderRoutes, { db });
  await app.register(timelineRoutes, { db });
  await app.register(memoRoutes, { db });
  return app;
}
