import { buildApp } from './app';
import { readConfig } from './config';
import { openDatabase, sql } from './db/client';
import { DataDirBusyError, lockDataDir } from './db/data-dir-lock';
import { backfillListColumns } from './order-list/backfill';
import { seedOrders } from './seed/seed';
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
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
console.log(`database: ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}`);

// Orders written before the list's search columns existed get them once (a no-op afterwards).
const backfilled = await backfillListColumns(database.db);
if (backfilled > 0) console.log(`search columns filled for ${backfilled} existing orders`);

const demo = await ensureDemoShop(database.db, config.ownerPassword);
if (demo && config.demoOrders > 0) {
  console.log(`empty database: creating a demo shop with ${config.demoOrders} orders …`);
  await seedOrders(database.db, { shopId: demo.shopId, orders: config.demoOrders, now: new Date() });
}

// PGlite has no autovacuum: refresh the planner's statistics once per start, in the background
// (a server with autovacuum keeps its own; a database just seeded was analyzed by the seed)
if (database.kind === 'pglite' && !demo) void database.db.execute(sql`analyze`).catch((error: unknown) => console.error('analyze failed', error));

const app = await buildApp({
  db: database.db,
  secureCookies: config.secureCookies,
  logger: process.env.JUMUN_LOG === '1',
  bulkJobs: { concurrency: database.kind === 'postgres' ? 2 : 1 },
});
await app.listen({ port: config.port, host: config.host });
const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
console.log(`\nJumun is serving ${url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`  API reference: ${url}/api/docs   OpenAPI: ${url}/api/openapi.json`);
if (demo) {
  console.log('\n  Sign in (shown once; set JUMUN_OWNER_PASSWORD to choose it):');
  console.log(`    e-mail:   ${demo.ownerEmail}`);
  console.log(`    password: ${demo.ownerPassword}`);
  console.log(`  Storefront API key: ${demo.apiKey}`);
} else {
  console.log('  Sign in with your staff account (forgot it? npm run reset-password -- <e-mail>)');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}
