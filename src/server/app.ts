import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuth } from './auth/plugin';
import { authRoutes } from './auth/routes';
import { bulkJobRoutes } from './bulk-jobs/routes';
import { buyerBenefitRoutes } from './buyer-benefits/routes';
import { BulkJobRunner, type BulkRunnerOptions } from './bulk-jobs/runner';
import { claimRoutes } from './claims/routes';
import { courierRoutes } from './couriers/routes';
import type { Db } from './db/client';
import { editRoutes } from './edits/routes';
import { exportRoutes } from './excel/export-routes';
import { trackingImportRoutes } from './excel/tracking-import-routes';
import { fulfillmentRoutes } from './fulfillment/routes';
import { registerErrorHandling } from './http/errors';
import { registerIdempotentReplayHeader } from './http/idempotent-replay';
import { memoRoutes } from './memos/routes';
import { orderListRoutes } from './order-list/routes';
import { orderRoutes } from './orders/routes';
import { paymentRequestRoutes } from './payment-requests/routes';
import { paymentSummaryRoutes } from './payment-summary/routes';
import { paymentWebhookRoutes } from './payment-webhooks/routes';
import type { PaymentGateway } from './payments/gateways/gateway';
import { createGateway } from './payments/gateways/registry';
import { productRoutes } from './products/routes';
import { savedFilterRoutes } from './saved-filters/routes';
import { timelineRoutes } from './timeline/routes';
import { viewRoutes } from './views/routes';
import { webAppRoutes } from './web/static';

export interface AppOptions {
  db: Db;
  secureCookies?: boolean;
  logger?: boolean;
  /** The payment gateway refunds go through; default: the one the environment names (registry.ts). */
  gateway?: PaymentGateway;
  /** The background worker of bulk jobs; `autoStart: false` leaves it stopped (tests that drive it by hand). */
  bulkJobs?: BulkRunnerOptions & { autoStart?: boolean };
}

/** Builds the HTTP app around an open database; main.ts and the tests both start it this way. */
export async function buildApp({ db, secureCookies = false, logger = false, gateway = createGateway(process.env, db), bulkJobs = {} }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: 5 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(fastifyCookie);
  registerAuth(app, db);
  registerIdempotentReplayHeader(app);

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
  await app.register(orderListRoutes, { db });
  await app.register(timelineRoutes, { db });
  await app.register(memoRoutes, { db });
  await app.register(fulfillmentRoutes, { db });
  await app.register(claimRoutes, { db, gateway });
  await app.register(editRoutes, { db });
  await app.register(paymentRequestRoutes, { db });
  await app.register(paymentSummaryRoutes, { db });
  await app.register(paymentWebhookRoutes, { db, gateway });
  await app.register(viewRoutes, { db });
  await app.register(savedFilterRoutes, { db });
  await app.register(exportRoutes, { db });
  await app.register(trackingImportRoutes, { db });
  await app.register(productRoutes, { db });
  const runner = new BulkJobRunner(db, gateway, { ...bulkJobs, log: (message, error) => app.log.error({ err: error }, message) });
  app.decorate('bulkJobRunner', runner);
  await app.register(bulkJobRoutes, { db, runner });
  if (bulkJobs.autoStart !== false) app.addHook('onReady', async () => runner.start());
  // stops the worker before the database closes: the batch in hand commits, the job is queued again
  app.addHook('onClose', async () => runner.stop());
  await app.register(courierRoutes);
  await app.register(buyerBenefitRoutes, { db });
  await app.register(webAppRoutes);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The bulk-job worker of this server (tests drive it when the app was built with `bulkJobs: false`). */
    bulkJobRunner: BulkJobRunner;
  }
}
