import { buildApp } from './app';
import { readConfig } from './config';
import { openDatabase, sql, withStartupLock, type Database } from './db/client';
import { demoStorefrontOf, keepStorefrontHandoffSecret, keepStorefrontKey, startDemoStorefront } from './demo-storefront';
import { DataDirBusyError, lockDataDir } from './db/data-dir-lock';
import { databaseFailureOf } from './db/failures';
import { backfillListColumns } from './order-list/backfill';
import { seedOrders } from './seed/seed';
import { queueDemoMessages } from './notifications/demo';
import { ensureDemoShop } from './shops/service';

const config = readConfig();
const started = Date.now();
try {
  // PGlite does not refuse a second process on its folder; two would corrupt it
  if (!config.databaseUrl) lockDataDir(config.dataDir, `jumun server on port ${config.port}`);
} catch (error) {
  console.error(error instanceof DataDirBusyError ? error.message : error);
  process.exit(1);
}
const database = await openWhenReachable();
console.log(`database: ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}`);

// Servers started together on one database take turns here: one creates the demo shop, the
// others find it; backfills run once.
const demo = await withStartupLock(database, async () => {
  // Orders written before the list's search columns existed get them once (a no-op afterwards).
  const backfilled = await backfillListColumns(database.db);
  if (backfilled > 0) console.log(`search columns filled for ${backfilled} existing orders`);
  const created = await ensureDemoShop(database.db, config.ownerPassword);
  if (created && config.demoOrders > 0 && config.storefrontPort !== null) keepStorefrontKey(config.dataDir, created.apiKey);
  if (created && config.demoOrders > 0) {
    console.log(`empty database: creating a demo shop with ${config.demoOrders} orders …`);
    await seedOrders(database.db, { shopId: created.shopId, orders: config.demoOrders, now: new Date() });
    // the newest orders' buyer messages, for the development outbox to show from the first minute
    await queueDemoMessages(database.db, created.shopId);
  }
  return created;
});

// PGlite has no autovacuum: refresh the planner's statistics once per start, in the background
// (a server with autovacuum keeps its own; a database just seeded was analyzed by the seed)
if (database.kind === 'pglite' && !demo) void database.db.execute(sql`analyze`).catch((error: unknown) => console.error('analyze failed', error));

const demoStorefront = config.storefrontPort !== null ? demoStorefrontOf(config.dataDir, config.storefrontPort) : null;
if (demoStorefront) await keepStorefrontHandoffSecret(database.db, demoStorefront);
const app = await buildApp({
  database,
  secureCookies: config.secureCookies,
  trustProxy: config.trustProxy,
  allowedOrigins: config.allowedOrigins,
  logger: process.env.JUMUN_LOG === '1',
  counts: config.counts,
  bulkJobs: { concurrency: database.kind === 'postgres' ? 2 : 1, ...(config.bulkStaleAfterMs ? { staleAfterMs: config.bulkStaleAfterMs } : {}) },
  // export jobs share the jobs table, and so its staleness
  exports: { ...(config.bulkStaleAfterMs ? { staleAfterMs: config.bulkStaleAfterMs } : {}), ...(config.exportStreamMaxOrders !== undefined ? { streamMaxOrders: config.exportStreamMaxOrders } : {}) },
  scheduler: { intervals: config.taskIntervals, ...(config.schedulerPollMs ? { pollMs: config.schedulerPollMs } : {}) },
  outbox: {
    autoStart: config.outboxEnabled,
    // the demo storefront listens on loopback; only its own origin is let through the private-network guard
    allowPrivateNetworks: config.webhookAllowPrivate || (demoStorefront ? [demoStorefront.origin] : false),
    ...(config.outboxPollMs ? { pollMs: config.outboxPollMs } : {}),
  },
});
await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
console.log(`\nJumun is serving ${url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`  API reference: ${url}/api/docs   OpenAPI: ${url}/api/openapi.json`);
if (demo) {
  console.log('\n  Sign in (shown once; set JUMUN_OWNER_PASSWORD to choose it):');
  console.log(`    e-mail:   ${demo.ownerEmail}`);
  console.log(`    password: ${demo.ownerPassword}`);
  console.log(`  Storefront API key: ${demo.apiKey}`);
  console.log(`  Buyer messages (알림톡·문자·이메일) go to the development outbox until channels are set: ${url}/messages`);
} else {
  console.log('  Sign in with your staff account (forgot it? npm run reset-password -- <e-mail>)');
}
if (demoStorefront) startDemoStorefront(demoStorefront, url);

/**
 * A server started before its database (a deploy, a reboot of both) waits for it instead of
 * exiting: the first connection is retried with a growing pause, and said so on the console.
 */
async function openWhenReachable(): Promise<Database> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeouts: config.databaseTimeouts });
    } catch (error) {
      if (!config.databaseUrl || !databaseFailureOf(error)) throw error;
      const pause = Math.min(30, 2 ** Math.min(attempt, 5));
      console.error(`database unreachable (${error instanceof Error ? error.message : String(error)}); trying again in ${pause} s`);
      await new Promise((resolve) => setTimeout(resolve, pause * 1000));
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}
