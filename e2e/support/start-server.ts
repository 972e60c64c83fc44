/**
 * The server the browser tests talk to: a fresh database (an in-memory PGlite, or — with
 * DATABASE_URL — a new database on that PostgreSQL server, dropped at exit), the demo shop with
 * its owner as `npm start` creates it, seeded orders, a few staff accounts, and the real app
 * (API and built admin) on E2E_PORT. Run by playwright.config.ts: `node --import tsx e2e/support/start-server.ts`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import { openDatabase, sql, type Database } from '../../src/server/db/client';
import { seedOrders } from '../../src/server/seed/seed';
import { createShop, createStaff, ensureDemoShop } from '../../src/server/shops/service';
import { ensureHandoffSecret } from '../../src/server/my/handoff';
import { seedOldDelivery } from './old-delivery';
import { LIST_OWNER, OWNER, STAFF_COUNT, STOREFRONT_OWNER, staff, storefrontHandoffFile, storefrontKeyFile } from './accounts';

const port = Number(process.env.E2E_PORT ?? 0);
// the links in buyer messages (development outbox) lead back to this server
process.env.JUMUN_PUBLIC_URL ??= `http://127.0.0.1:${port}`;
const orderCount = Number(process.env.E2E_ORDERS ?? 400);
const started = Date.now();

async function adminQuery(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A database of our own: the server's `test` and `postgres` databases are never written to. */
async function openFreshDatabase(): Promise<{ database: Database; drop: () => Promise<void>; label: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { database: await openDatabase({ dataDir: 'memory://' }), drop: async () => undefined, label: 'in-memory PGlite' };
  const name = `jumun_e2e_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return { database: await openDatabase({ databaseUrl: url.toString() }), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`), label: `PostgreSQL database ${name}` };
  } catch (error) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
}

const { database, drop, label } = await openFreshDatabase();
let app: Awaited<ReturnType<typeof buildApp>> | null = null;
let closing: Promise<void> | null = null;
const shutdown = (code: number) => {
  closing ??= (async () => {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    await drop().catch((error: unknown) => console.error('could not drop the e2e database', error));
    process.exit(code);
  })();
  return closing;
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void shutdown(0));

try {
  const demo = await ensureDemoShop(database.db, OWNER.password);
  if (!demo) throw new Error('the e2e database is not empty');
  // a fixed seed: the same orders every run (their dates follow today)
  await seedOrders(database.db, { shopId: demo.shopId, orders: orderCount, seed: 7, now: new Date() });
  for (let n = 1; n <= STAFF_COUNT; n++) await createStaff(database.db, demo.shopId, { ...staff(n), role: 'staff' });
  const listShop = await createShop(database.db, { name: '목록 검증샵', ownerEmail: LIST_OWNER.email, ownerName: LIST_OWNER.name, ownerPassword: LIST_OWNER.password });
  await seedOrders(database.db, { shopId: listShop.shopId, orders: orderCount, seed: 7, now: new Date() });
  // the demo storefront (started by playwright.config.ts beside this server) feeds a shop of its own
  const storefrontPort = process.env.E2E_STOREFRONT_PORT;
  const storefrontShop = await createShop(database.db, { name: '스토어프론트 검증샵', ownerEmail: STOREFRONT_OWNER.email, ownerName: STOREFRONT_OWNER.name, ownerPassword: STOREFRONT_OWNER.password });
  if (storefrontPort) {
    mkdirSync('test-results', { recursive: true });
    // the hand-off secret first: the storefront starts as soon as its key file appears
    const handoffSecret = await ensureHandoffSecret(database.db, storefrontShop.shopId);
    if (handoffSecret) writeFileSync(storefrontHandoffFile(String(port)), `${handoffSecret}\n`, { mode: 0o600 });
    writeFileSync(storefrontKeyFile(String(port)), `${storefrontShop.apiKey}\n`, { mode: 0o600 });
  }
  // The order jobs run often here, but only in the storefront's shop (the others keep their seeded
  // deliveries and due dates still while the tests count them): auto-confirm every 2 seconds
  // (e2e/my-page.spec.ts watches it confirm an old delivery), unpaid auto-cancel not during a run.
  // (every policy version of those shops: the seeded orders keep the version they were placed under)
  await database.db.execute(sql`update shop_policies set policy = policy || '{"autoConfirmDays": 0, "unpaidCancelDays": 0}'::jsonb where shop_id in (${demo.shopId}, ${listShop.shopId})`);
  app = await buildApp({
    database,
    scheduler: { pollMs: 1_000, intervals: { 'auto-confirm': 2_000, 'unpaid-cancel': 86_400_000 } },
    // webhooks leave within a fraction of a second, and may reach any loopback address: the demo
    // storefront's receiver, and the receivers that tests start themselves on a free port
    // (e2e/webhooks.spec.ts), whose origin is not known when the server starts
    outbox: { pollMs: 200, allowPrivateNetworks: true },
    // 엑셀 다운로드 of more than 5 orders is a job here (e2e/export-job.spec.ts), fewer stream
    exports: { streamMaxOrders: 5, pollMs: 200 },
  });
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  await seedOldDelivery(`http://127.0.0.1:${actualPort}`, storefrontShop.apiKey, database.db, storefrontShop.shopId, String(actualPort));
  console.log(`e2e server on http://127.0.0.1:${actualPort} (${label}, ${orderCount} orders, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  sign in: ${demo.ownerEmail} / ${demo.ownerPassword}`);
} catch (error) {
  console.error(error);
  await shutdown(1);
}
