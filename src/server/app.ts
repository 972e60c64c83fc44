import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiKeyRoutes } from './api-keys/routes';
import { registerAuth } from './auth/plugin';
import { signInLockRoutes } from './auth/lock-routes';
import { auditRoutes } from './audit/routes';
import { personalDataRevealRoutes } from './orders/personal-data-reveal-routes';
import { authRoutes } from './auth/routes';
import { bulkJobRoutes } from './bulk-jobs/routes';
import { buyerBenefitRoutes } from './buyer-benefits/routes';
import { BulkJobRunner, type BulkRunnerOptions } from './bulk-jobs/runner';
import { catalogRoutes } from './catalog/routes';
import { claimRoutes } from './claims/routes';
import { myClaimRoutes } from './my/claim-routes';
import { courierRoutes } from './couriers/routes';
import { memberBenefitRoutes } from './customers/benefit-routes';
import { memberRoutes } from './customers/routes';
import type { Database } from './db/client';
import { DatabaseMonitor } from './db/monitor';
import { editRoutes } from './edits/routes';
import { ExportJobRunner, type ExportRunnerOptions } from './excel/export-job-runner';
import { exportJobRoutes } from './excel/export-job-routes';
import { exportRoutes } from './excel/export-routes';
import { shippingExportRoutes } from './excel/shipping-export-routes';
import { trackingImportRoutes } from './excel/tracking-import-routes';
import { fulfillmentRoutes } from './fulfillment/routes';
import { answerClientError, registerExpectationCheck, registerHostCheck } from './http/client-errors';
import { frameworkErrorCode, registerErrorHandling, sendError } from './http/errors';
import { registerHealth } from './http/health';
import { registerInputGuard } from './http/input-guard';
import { registerSecurity } from './http/security';
import { registerIdempotentReplayHeader } from './http/idempotent-replay';
import { memoRoutes } from './memos/routes';
import { myAuthRoutes } from './my/auth-routes';
import { myOrderRoutes } from './my/order-routes';
import { myPurchaseRoutes } from './my/purchase-routes';
import { DEFAULT_COUNT_TIME_BUDGET_MS, DEFAULT_MAX_EXACT_COUNT_COST, type CountPolicy } from './order-counts/count-service';
import { orderListRoutes } from './order-list/routes';
import { registerOrderScope } from './orders/order-scope';
import { orderRoutes } from './orders/routes';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox/worker';
import { paymentRequestRoutes } from './payments/requests/routes';
import { paymentSummaryRoutes } from './payments/summary/routes';
import { paymentWebhookRoutes } from './payments/webhooks/routes';
import type { PaymentGateway } from './payments/gateways/gateway';
import { createGateway } from './payments/gateways/registry';
import { myPageSourcesFor } from './payments/checkout-csp';
import { testGatewayRoutes } from './payments/test-gateway-routes';
import { testGatewayWindowRoutes } from './payments/test-gateway-window';
import { myPaymentRoutes } from './my/payment-routes';
import { printSheetRoutes } from './print-sheets/routes';
import { productRoutes } from './products/routes';
import { savedFilterRoutes } from './saved-filters/routes';
import { shopHandoffRoutes } from './shops/handoff-routes';
import { shopSettingsRoutes } from './shops/settings-routes';
import { staffRoutes } from './staff/routes';
import { shopPolicyRoutes } from './shops/policy-routes';
import { Scheduler, type SchedulerOptions } from './scheduler/scheduler';
import { standardTasks } from './scheduler/tasks';
import { timelineRoutes } from './timeline/routes';
import { viewRoutes } from './views/routes';
import { webhookRoutes } from './webhooks/routes';
import { notificationRoutes } from './notifications/routes';
import { webAppRoutes } from './web/static';

export interface AppOptions {
  /** The open database: its queries, its kind, and how to ask whether it answers. */
  database: Pick<Database, 'db' | 'kind' | 'ping' | 'url'>;
  /** `true`: session cookies always Secure; `'auto'` (default): when the request came over HTTPS, behind a trusted proxy too. */
  secureCookies?: boolean | 'auto';
  /** Fastify's trustProxy: whose X-Forwarded-For/-Proto/-Host to believe (client address, HTTPS, own origin). */
  trustProxy?: boolean | string | string[];
  /** Other origins allowed to send cookie-authenticated changes (a dev server on another port). */
  allowedOrigins?: readonly string[];
  /** Sign-in attempts per client address per minute (a per-process flood guard; failures are counted in the database). */
  signInRateLimit?: number;
  /** How often the database is asked whether it answers, and how long it may take. */
  healthCheck?: { intervalMs?: number; timeoutMs?: number };
  logger?: boolean;
  /** The payment gateway refunds go through; default: the one the environment names (registry.ts). */
  gateway?: PaymentGateway;
  /** Scheduled upkeep (clean-ups, PGlite's vacuum): how often to look, task intervals by name; `autoStart: false` leaves it stopped. */
  scheduler?: SchedulerOptions & { autoStart?: boolean; intervals?: Record<string, number> };
  /** The background worker of bulk jobs; `autoStart: false` leaves it stopped (tests that drive it by hand). */
  bulkJobs?: BulkRunnerOptions & { autoStart?: boolean };
  /** Export jobs (엑셀 다운로드 in the background): the runner's settings, the streaming limit; `autoStart: false` leaves the runner stopped. */
  exports?: Omit<ExportRunnerOptions, 'databaseUrl' | 'log'> & { autoStart?: boolean; streamMaxOrders?: number };
  /** The outbox's delivery worker (webhooks): poll interval, timeouts, backoff; `autoStart: false` leaves it stopped. */
  outbox?: OutboxWorkerOptions & { autoStart?: boolean };
  /** The built web apps' folders (default: dist/admin and dist/my-page; src/server/web/static.ts). */
  web?: { root?: string; myPageRoot?: string };
  /** When a list count is answered with an estimate (src/server/order-counts/count-service.ts); the defaults there. */
  counts?: Partial<CountPolicy>;
}

/** Builds the HTTP app around an open database; main.ts and the tests both start it this way. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database, secureCookies = 'auto', logger = false, bulkJobs = {} } = options;
  const db = database.db;
  const gateway = options.gateway ?? createGateway(process.env, db);
  const app = Fastify({
    logger,
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // new requests during shutdown are answered by the health gate, in our error shape
    return503OnClosing: false,
    frameworkErrors: (error, request, reply) => sendError(reply, request, frameworkErrorCode(error) ?? 'BAD_REQUEST', { reason: error.message }),
    clientErrorHandler: answerClientError,
    // a request without Host is refused by registerHostCheck, in our error shape (Node's check answers a bare 400)
    http: { requireHostHeader: false },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const monitor = new DatabaseMonitor({
    ping: (timeoutMs) => database.ping(timeoutMs),
    gate: database.kind === 'postgres',
    intervalMs: options.healthCheck?.intervalMs,
    timeoutMs: options.healthCheck?.timeoutMs,
    log: (message) => app.log.warn(message),
  });
  registerErrorHandling(app, { onDatabaseFailure: () => monitor.reportFailure() });
  registerHostCheck(app);
  registerExpectationCheck(app);
  await app.register(fastifyCookie);
  registerHealth(app, monitor, database.kind);
  await registerSecurity(app, { secureCookies, allowedOrigins: options.allowedOrigins, myPageSources: myPageSourcesFor(gateway) });
  registerAuth(app, db);
  registerInputGuard(app);
  registerOrderScope(app, db);
  registerIdempotentReplayHeader(app);
  app.addHook('onReady', async () => monitor.start());
  app.addHook('onClose', async () => monitor.stop());

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
          buyerSession: { type: 'apiKey', in: 'cookie', name: 'jumun_buyer', description: 'My Page (/api/v1/my/…): a member handed over by the storefront, or a guest' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // its own CSP (hashes of its inline script), without upgrade-insecure-requests (plain HTTP on a LAN) and never framed
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, '').replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(authRoutes, { db, secureCookies, signInRateLimit: options.signInRateLimit });
  await app.register(signInLockRoutes, { db });
  await app.register(staffRoutes, { db, secureCookies });
  await app.register(auditRoutes, { db });
  await app.register(personalDataRevealRoutes, { db });
  await app.register(myAuthRoutes, { db, secureCookies, signInRateLimit: options.signInRateLimit });
  await app.register(shopHandoffRoutes, { db });
  await app.register(apiKeyRoutes, { db });
  await app.register(shopSettingsRoutes, { db, serverGateway: gateway.name });
  await app.register(shopPolicyRoutes, { db });
  await app.register(orderRoutes, { db });
  const counts: CountPolicy = {
    maxExactCost: options.counts?.maxExactCost ?? DEFAULT_MAX_EXACT_COUNT_COST,
    // PGlite cannot cancel a statement on a timer: there the cost alone decides
    timeBudgetMs: database.kind === 'postgres' ? (options.counts?.timeBudgetMs ?? DEFAULT_COUNT_TIME_BUDGET_MS) : undefined,
  };
  await app.register(orderListRoutes, { db, counts });
  await app.register(timelineRoutes, { db });
  await app.register(memoRoutes, { db });
  await app.register(fulfillmentRoutes, { db });
  await app.register(claimRoutes, { db, gateway });
  await app.register(myClaimRoutes, { db, gateway });
  await app.register(editRoutes, { db });
  await app.register(paymentRequestRoutes, { db, gateway });
  await app.register(paymentSummaryRoutes, { db });
  await app.register(paymentWebhookRoutes, { db, gateway });
  await app.register(testGatewayRoutes, { db, gateway });
  await app.register(testGatewayWindowRoutes, { db, gateway });
  await app.register(myPaymentRoutes, { db, gateway, tossClientKey: process.env.TOSS_CLIENT_KEY || null });
  await app.register(viewRoutes, { db, counts });
  await app.register(savedFilterRoutes, { db });
  const exportRunner = new ExportJobRunner(db, { ...options.exports, databaseUrl: database.url ?? null, log: (message, error) => app.log.error({ err: error }, message) });
  app.decorate('exportJobRunner', exportRunner);
  await app.register(exportRoutes, { db, runner: exportRunner, streamMaxOrders: options.exports?.streamMaxOrders });
  await app.register(exportJobRoutes, { db });
  if (options.exports?.autoStart !== false) app.addHook('onReady', async () => exportRunner.start());
  // the thread is ended and the job given back before the database closes
  app.addHook('onClose', async () => exportRunner.stop());
  await app.register(printSheetRoutes, { db });
  await app.register(trackingImportRoutes, { db });
  await app.register(shippingExportRoutes, { db });
  await app.register(productRoutes, { db });
  await app.register(catalogRoutes, { db });
  const runner = new BulkJobRunner(db, gateway, { ...bulkJobs, log: (message, error) => app.log.error({ err: error }, message) });
  app.decorate('bulkJobRunner', runner);
  await app.register(bulkJobRoutes, { db, runner });
  if (bulkJobs.autoStart !== false) app.addHook('onReady', async () => runner.start());
  // stops the worker before the database closes: the batch in hand commits, the job is queued again
  app.addHook('onClose', async () => runner.stop());
  // the order jobs tell what they left for the next run (a gateway down): a warning, not a failure
  const jobs = { gateway, log: (message: string, error?: unknown) => app.log.warn({ err: error }, message) };
  const scheduler = new Scheduler(db, standardTasks(database.kind, options.scheduler?.intervals, jobs), { ...options.scheduler, log: (message, error) => app.log.error({ err: error }, message) });
  app.decorate('scheduler', scheduler);
  if (options.scheduler?.autoStart !== false) app.addHook('onReady', async () => scheduler.start());
  app.addHook('onClose', async () => scheduler.stop());
  const outbox = new OutboxWorker(db, { ...options.outbox, log: (message, error) => app.log.error({ err: error }, message) });
  app.decorate('outbox', outbox);
  await app.register(webhookRoutes, { db, policy: outbox.policy });
  await app.register(notificationRoutes, { db, policy: outbox.policy });
  if (options.outbox?.autoStart !== false) app.addHook('onReady', async () => outbox.start());
  // sends in hand finish (within their timeout) and are recorded before the database closes
  app.addHook('onClose', async () => outbox.stop());
  await app.register(courierRoutes);
  await app.register(buyerBenefitRoutes, { db });
  await app.register(memberRoutes, { db });
  await app.register(memberBenefitRoutes, { db });
  await app.register(myOrderRoutes, { db });
  await app.register(myPurchaseRoutes, { db });
  await app.register(webAppRoutes, options.web ?? {});
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The bulk-job worker of this server (tests drive it when the app was built with `bulkJobs: false`). */
    bulkJobRunner: BulkJobRunner;
    /** The export-job worker of this server (tests drive it when the app was built with `exports: { autoStart: false }`). */
    exportJobRunner: ExportJobRunner;
    /** The scheduled-work loop of this server (one of possibly many sharing the database). */
    scheduler: Scheduler;
    /** The outbox delivery worker of this server (one of possibly many sharing the outbox). */
    outbox: OutboxWorker;
  }
}
