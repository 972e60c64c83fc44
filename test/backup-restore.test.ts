import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../src/contracts/orders';
import { buildApp } from '../src/server/app';
import { countRows, openDatabase, queryRows, sql, type Database, type Db } from '../src/server/db/client';
import { LOCK_FILE } from '../src/server/db/data-dir-lock';
import { toOrderDetail } from '../src/server/orders/detail';
import { loadOrderRowsOf } from '../src/server/orders/read-queries';
import { paymentSummaryOf } from '../src/server/payments/summary/service';
import { seedOrders } from '../src/server/seed/seed';
import { createShop, type CreatedShop } from '../src/server/shops/service';
import { readTimeline } from '../src/server/timeline/service';
import { createScratchDatabase } from './support/database';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { HttpClient } from './support/server';

const ORDERS = 300;
const OWNER_PASSWORD = 'backup-owner-password';
const serverUrl = process.env.DATABASE_URL;
const SLOW = 300_000;

/** A database the CLI reaches through the environment, as an operator's server would. */
interface Place {
  label: string;
  env: Record<string, string>;
  dataDir?: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

const temp = mkdtempSync(join(tmpdir(), 'jumun-backup-test-'));
const places: Place[] = [];
let placeCount = 0;

async function newPlace(kind: 'pglite' | 'postgres'): Promise<Place> {
  let place: Place;
  if (kind === 'pglite') {
    // a real folder (not memory://): the CLI runs in another process
    const dataDir = join(temp, `data-${++placeCount}`);
    place = { label: dataDir, env: { JUMUN_DATA_DIR: dataDir }, dataDir, open: () => openDatabase({ dataDir }), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  } else {
    const scratch = await createScratchDatabase(serverUrl!);
    place = { label: scratch.url, env: { DATABASE_URL: scratch.url }, open: () => openDatabase({ databaseUrl: scratch.url }), drop: scratch.drop };
  }
  places.push(place);
  return place;
}
const homeKind = serverUrl ? 'postgres' : 'pglite';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The operator's command itself: `npm run backup|restore -- …`, in its own process. */
function cli(command: 'backup' | 'restore', place: Place, args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.JUMUN_DATA_DIR;
  Object.assign(env, place.env);
  return new Promise((resolve) => {
    execFile('npm', ['run', '-s', command, '--', ...args], { env, cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const running = new Set<ChildProcess>();

/** The real server (`src/server/main.ts`) on a place, until it says it is serving. */
async function startServer(place: Place): Promise<{ pid: number; stop(): Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...place.env, PORT: '0', JUMUN_DEMO_ORDERS: '0' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  running.add(child);
  void exited.then(() => running.delete(child));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Jumun is serving')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`the server exited (${code}) before serving:\n${output}`)));
  });
  return {
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Every order as staff see it: its detail, its timeline and its payment panel. */
async function everyOrder(db: Db, shop: CreatedShop) {
  const ids = (await queryRows<{ id: unknown }>(db, sql`select id from orders where shop_id = ${shop.shopId} order by id`)).map((r) => Number(r.id));
  const principal = { kind: 'staff' as const, shopId: shop.shopId, staffId: shop.ownerId, name: '김대표', email: shop.ownerEmail, role: 'owner' as const };
  const orders = [];
  for (let at = 0; at < ids.length; at += 100) {
    const rows = await loadOrderRowsOf(db, shop.shopId, ids.slice(at, at + 100));
    for (const id of ids.slice(at, at + 100)) {
      orders.push({
        detail: toOrderDetail(rows.get(id)!, 'ko'),
        timeline: await readTimeline(db, principal, id, 'all', 'ko'),
        payments: await paymentSummaryOf(db, shop.shopId, id, 'ko'),
      });
    }
  }
  return orders;
}

/** Each table's rows as one digest (text form, in UTC), to show nothing else changed either. */
async function tableDigests(db: Db): Promise<Record<string, string>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const tables = await queryRows<{ name: string }>(tx, sql`select schemaname || '.' || tablename as name from pg_tables where schemaname in ('public', 'drizzle') order by 1`);
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await queryRows<{ digest: string }>(tx, sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.raw(name)} t`);
      digests[name] = row!.digest;
    }
    return digests;
  });
}

/** Tables on a PostgreSQL place, without migrating it as opening it normally would. */
async function serverTables(place: Place): Promise<number> {
  const database = await openDatabase({ databaseUrl: place.env.DATABASE_URL, migrate: false });
  try {
    return await countRows(database.db, sql`select count(*) as n from pg_tables where schemaname in ('public', 'drizzle')`);
  } finally {
    await database.close();
  }
}

async function withDatabase<T>(place: Place, work: (db: Db) => Promise<T>): Promise<T> {
  const database = await place.open();
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

let source: Place;
let shop: CreatedShop;
let before: Awaited<ReturnType<typeof everyOrder>>;
let digestsBefore: Record<string, string>;
const backupFile = join(temp, 'shop.jumun');

beforeAll(async () => {
  source = await newPlace(homeKind);
  await withDatabase(source, async (db) => {
    shop = await createShop(db, { name: '백업 테스트샵', ownerEmail: 'backup-owner@example.kr', ownerName: '김대표', ownerPassword: OWNER_PASSWORD });
    await seedOrders(db, { shopId: shop.shopId, orders: ORDERS, seed: 11, now: new Date('2025-06-01T03:00:00Z'), batchSize: 120 });
  });
}, SLOW);

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  for (const place of places) await place.drop();
  rmSync(temp, { recursive: true, force: true });
}, SLOW);

describe(`npm run backup / npm run restore (${homeKind})`, () => {
  it.skipIf(homeKind === 'postgres')('refuses to back up the embedded database while the server runs on it', async () => {
    const server = await startServer(source);
    try {
      const run = await cli('backup', source, [backupFile]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`in use by process ${server.pid} \\(jumun server on port 0\\).*stop the server to back it up`));
      expect(existsSync(backupFile)).toBe(false);
    } finally {
      await server.stop();
    }
    // the stopped server let go of the folder
    expect(existsSync(join(source.dataDir!, LOCK_FILE))).toBe(false);
  }, SLOW);

  let target: Place;

  it('backs up, and restores into a new database every order, table and sequence as they were', async () => {
    await withDatabase(source, async (db) => {
      before = await everyOrder(db, shop);
      digestsBefore = await tableDigests(db);
    });
    expect(before).toHaveLength(ORDERS);
    const backup = await cli('backup', source, [backupFile]);
    expect(backup.stderr.replace(/npm warn.*\n/gi, '')).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`${ORDERS} orders`);
    expect(backup.stdout).toContain(`${backupFile} (${(statSync(backupFile).size / 1_048_576).toFixed(1)} MB)`);
    expect(readdirSync(temp).filter((f) => f.includes('.partial'))).toEqual([]);

    target = await newPlace(homeKind);
    const restore = await cli('restore', target, [backupFile]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`${ORDERS} orders`);
    await withDatabase(target, async (db) => {
      expect(await everyOrder(db, shop)).toEqual(before);
      expect(await tableDigests(db)).toEqual(digestsBefore);
    });
  }, SLOW);

  it('continues every id after the restore: the same owner signs in and the storefront takes a new order', async () => {
    const database = await target.open();
    const app = await buildApp({ database, bulkJobs: { autoStart: false } });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const owner = new HttpClient(baseUrl);
      expect((await owner.post('/api/v1/auth/login', { email: shop.ownerEmail, password: OWNER_PASSWORD })).status).toBe(204);
      // products draw ids from their own sequence too
      const product = await addProduct(database.db, shop.shopId, { name: '복원 후 상품', price: 60000, options: [{ name: '기본' }] });

      const storefront = new HttpClient(baseUrl, { authorization: `Bearer ${shop.apiKey}` });
      const created = await storefront.post<OrderDetail>('/api/v1/orders', {
        orderer: { name: '이복원', phone: '010-2222-3333', email: 'restore@example.kr', guestPassword: '1234' },
        addresses: [seoulAddress()],
        items: [{ productId: product.productId, optionId: product.optionIds[0], quantity: 1 }],
        payment: cardPayment(60000),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const lastRestored = Math.max(...before.map((o) => o.detail.id));
      expect(created.body.id).toBeGreaterThan(lastRestored);
      expect(created.body.orderNumber).toMatch(new RegExp(`^\\d{8}-0*${created.body.id}$`));
      expect(await countRows(database.db, sql`select count(*) as n from orders where shop_id = ${shop.shopId}`)).toBe(ORDERS + 1);
    } finally {
      await app.close();
      await database.close();
    }
  }, SLOW);

  it('refuses to restore over a database that holds data, and with --force replaces it', async () => {
    const refused = await cli('restore', target, [backupFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds .*--force/);
    expect(refused.stderr).toContain('Nothing was restored');
    await withDatabase(target, async (db) => expect(await countRows(db, sql`select count(*) as n from orders`)).toBe(ORDERS + 1));

    const forced = await cli('restore', target, [backupFile, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    await withDatabase(target, async (db) => expect(await tableDigests(db)).toEqual(digestsBefore));
    if (target.dataDir) {
      // the embedded folder it replaced is kept aside, never deleted
      const kept = /kept in (\S+)/.exec(forced.stdout)?.[1];
      expect(kept && existsSync(join(kept, 'PG_VERSION'))).toBe(true);
      rmSync(kept!, { recursive: true, force: true });
    }
  }, SLOW);

  it('refuses a truncated backup before touching anything, and says so', async () => {
    const truncated = join(temp, 'truncated.jumun');
    const whole = readFileSync(backupFile);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const place = await newPlace(homeKind);
    const run = await cli('restore', place, [truncated]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/restore failed: .*unexpected end of file[\s\S]*Nothing was restored/);
    if (place.dataDir) expect(existsSync(place.dataDir)).toBe(false);
    else expect(await serverTables(place)).toBe(0);
  }, SLOW);

  it('rolls a restore back when its rows do not fit (a duplicate order), even over data with --force', async () => {
    // a backup that reads well but holds one order twice: the primary key refuses it mid-restore
    const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n');
    const orders = lines.findIndex((l) => l.startsWith('@{"table":"public.orders"'));
    lines.splice(orders + 2, 0, lines[orders + 1]!);
    const end = lines.findIndex((l) => l.startsWith('@{"end"'));
    const trailer = JSON.parse(lines[end]!.slice(1)) as { rows: Record<string, number> };
    trailer.rows['public.orders']! += 1;
    lines[end] = `@${JSON.stringify(trailer)}`;
    const doubled = join(temp, 'doubled.jumun');
    writeFileSync(doubled, gzipSync(lines.join('\n')));

    const run = await cli('restore', target, [doubled, '--force']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/restore failed: duplicate key value[\s\S]*Nothing was restored/);
    await withDatabase(target, async (db) => expect(await tableDigests(db)).toEqual(digestsBefore));
    expect(readdirSync(temp).filter((f) => f.includes('.restoring-') || f.includes('.before-restore-'))).toEqual([]);
  }, SLOW);

  it.skipIf(homeKind === 'pglite')('moves a PostgreSQL backup into the embedded database and back', async () => {
    const embedded = await newPlace('pglite');
    const intoEmbedded = await cli('restore', embedded, [backupFile]);
    expect(intoEmbedded.code, intoEmbedded.stderr).toBe(0);
    await withDatabase(embedded, async (db) => expect(await everyOrder(db, shop)).toEqual(before));

    const fromEmbedded = join(temp, 'from-embedded.jumun');
    expect((await cli('backup', embedded, [fromEmbedded])).code).toBe(0);
    const server = await newPlace('postgres');
    const back = await cli('restore', server, [fromEmbedded]);
    expect(back.code, back.stderr).toBe(0);
    await withDatabase(server, async (db) => {
      expect(await everyOrder(db, shop)).toEqual(before);
      expect(await tableDigests(db)).toEqual(digestsBefore);
    });
  }, SLOW);
});
