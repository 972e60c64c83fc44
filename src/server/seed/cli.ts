/**
 * `npm run seed -- --orders N [--shop ID] [--seed S] [--batch B] [--row-fk-checks]`: generated
 * orders for a shop, on the database the server would open (DATABASE_URL, else the PGlite folder
 * JUMUN_DATA_DIR). With no shop yet, the demo shop is created first and its login printed once.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { openDatabase, queryRows, sql, TOOL_TIMEOUTS } from '../db/client';
import { ensureDemoShop } from '../shops/service';
import { DEFAULT_BATCH_SIZE, DEMO_GUEST_PASSWORD, seedOrders } from './seed';
import { DataDirBusyError, lockDataDir } from '../db/data-dir-lock';

const USAGE = 'usage: npm run seed -- --orders N [--shop ID] [--seed S] [--batch B] [--row-fk-checks]';

function positiveInt(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) {
    console.error(`--${name} must be a positive integer\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    orders: { type: 'string' },
    shop: { type: 'string' },
    seed: { type: 'string' },
    batch: { type: 'string' },
    // keep PostgreSQL's per-row foreign-key triggers (about 3x slower; see integrity.ts)
    'row-fk-checks': { type: 'boolean' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const orders = positiveInt('orders', values.orders);
const seed = positiveInt('seed', values.seed, 1);
const batchSize = positiveInt('batch', values.batch, DEFAULT_BATCH_SIZE);

const config = readConfig();
// PGlite is one process: never open the folder a running server has open
try {
  if (!config.databaseUrl) lockDataDir(config.dataDir, 'npm run seed');
} catch (error) {
  console.error(error instanceof DataDirBusyError ? error.message : error);
  process.exit(1);
}
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeouts: TOOL_TIMEOUTS });
try {
  console.log(`database: ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}`);
  let shopId = values.shop === undefined ? undefined : positiveInt('shop', values.shop);
  if (shopId === undefined) {
    const demo = await ensureDemoShop(database.db, config.ownerPassword);
    if (demo) {
      console.log('created the demo shop; sign in with (shown once):');
      console.log(`  e-mail:   ${demo.ownerEmail}\n  password: ${demo.ownerPassword}\n  API key:  ${demo.apiKey}`);
    }
    const [first] = await queryRows<{ id: string }>(database.db, sql`select min(id)::text as id from shops`);
    shopId = Number(first?.id);
  }
  console.log(`seeding ${orders.toLocaleString('en')} orders into shop ${shopId} (seed ${seed}, batches of ${batchSize}) …`);
  let lastReport = 0;
  const { ms } = await seedOrders(database.db, {
    shopId,
    orders,
    seed,
    batchSize,
    perRowForeignKeyChecks: values['row-fk-checks'] === true,
    now: new Date(),
    onProgress: (done, total) => {
      const t = performance.now();
      if (done < total && t - lastReport < 2000) return;
      lastReport = t;
      process.stdout.write(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}\n`);
    },
  });
  const rate = Math.round(orders / (ms / 1000));
  console.log(`done: ${orders.toLocaleString('en')} orders in ${(ms / 1000).toFixed(1)} s (${rate.toLocaleString('en')} orders/s)`);
  console.log(`guest orders open on My Page with the password "${DEMO_GUEST_PASSWORD}"`);
} catch (error) {
  // Drizzle's error repeats the whole statement with every parameter (megabytes): show the cause
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  console.error(`seeding failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
