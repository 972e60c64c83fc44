import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJob } from '../src/contracts/export-jobs';
import { maskPhone } from '../src/domain/personal-data';
import { countRows, queryRows, sql } from '../src/server/db/client';
import { standardTasks } from '../src/server/scheduler/tasks';
import { seedOrders } from '../src/server/seed/seed';
import { createShop } from '../src/server/shops/service';
import { startTestServer, type HttpClient, type TestServer } from './support/server';
import { until } from './support/until';

/**
 * 엑셀 다운로드 as a job (202): written in a worker thread, stored in the database, fetched by any
 * staff of the shop who may, for a day. Each file is read back with exceljs and compared cell by
 * cell with what the streamed download of the same orders answers.
 */
const ORDERS = 40;
let server: TestServer;
const COLUMNS = ['orderNumber', 'orderedAt', 'ordererName', 'ordererPhone', 'recipientAddress', 'totalAmount', 'trackingNumber', 'orderStatus'];

interface Answer {
  status: number;
  headers: Headers;
  bytes: Buffer;
  json: unknown;
}

async function call(client: HttpClient, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
  const headers = await client.sessionHeaders();
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json: unknown = res.headers.get('content-type')?.includes('json') ? JSON.parse(bytes.toString()) : null;
  return { status: res.status, headers: res.headers, bytes, json };
}

const codeOf = (a: Answer) => (a.json as { error?: { code?: string } } | null)?.error?.code;

/** Every cell of the first sheet: [type, value, number format] by row. */
async function cellsOf(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push([cell.type, cell.value, cell.numFmt]));
    rows.push(cells);
  });
  return rows;
}

async function finished(client: HttpClient, job: ExportJob): Promise<ExportJob> {
  return until(`export ${job.id} done`, async () => {
    const res = await call(client, 'GET', `/api/v1/exports/${job.id}`);
    const now = res.json as ExportJob;
    return now.status === 'done' || now.status === 'failed' ? now : null;
  });
}

const body = { filter: {}, columns: COLUMNS, reason: '월말 정산' };

beforeAll(async () => {
  server = await startTestServer();
  await seedOrders(server.database.db, { shopId: server.shop.shopId, orders: ORDERS, seed: 5, now: new Date() });
});
afterAll(() => server.close());

describe('export jobs', () => {
  it('answers 202 with a job, reports progress, and hands over the same workbook the streamed download gives', async () => {
    const streamed = await call(server.owner, 'POST', '/api/v1/exports/orders', body);
    expect(streamed.status).toBe(200);

    const started = await call(server.owner, 'POST', '/api/v1/exports/orders?async=true', body);
    expect(started.status).toBe(202);
    const job = started.json as ExportJob;
    expect(started.headers.get('location')).toBe(`/api/v1/exports/${job.id}`);
    expect(job).toMatchObject({ status: expect.stringMatching(/^(queued|running)$/), progress: { total: ORDERS }, personal: true, fileUrl: null });
    expect(job.fileName).toMatch(/^주문목록_\d{8}_\d{4}\.xlsx$/);

    const done = await finished(server.owner, job);
    expect(done).toMatchObject({ status: 'done', progress: { done: ORDERS, total: ORDERS }, fileUrl: `/api/v1/exports/${job.id}/file`, error: null });
    expect(Date.parse(done.expiresAt!) - Date.now()).toBeGreaterThan(23 * 3_600_000);

    const file = await call(server.owner, 'GET', done.fileUrl!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Number(file.headers.get('content-length'))).toBe(file.bytes.length);
    expect(file.bytes.length).toBe(done.bytes);
    expect(decodeURIComponent(file.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe(done.fileName);
    const cells = await cellsOf(file.bytes);
    expect(cells.length).toBe(done.rows! + 1);
    expect(cells).toEqual(await cellsOf(streamed.bytes));
  });

  it('becomes a job by itself above the streaming limit, and the list answers while it runs', async () => {
    await server.restart({ exports: { streamMaxOrders: 10 } });
    const started = await call(server.owner, 'POST', '/api/v1/exports/orders', { filter: {}, columns: ['orderNumber'] });
    expect(started.status).toBe(202);
    const list = await server.owner.post<{ items: unknown[] }>('/api/v1/orders/search', { filter: {}, limit: 5 });
    expect([list.status, list.body.items.length]).toEqual([200, 5]);
    expect((await finished(server.owner, started.json as ExportJob)).status).toBe('done');
    // at or under the limit it still streams
    const ids = await queryRows<{ id: number | string }>(server.database.db, sql`select id from orders where shop_id = ${server.shop.shopId} order by id limit 10`);
    const few = await call(server.owner, 'POST', '/api/v1/exports/orders', { orderIds: ids.map((r) => Number(r.id)), columns: ['orderNumber'] });
    expect([few.status, few.headers.get('content-type')]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  });

  it('survives a restart: a job halfway written by a server that stopped is written again by the next one', async () => {
    await server.restart({ exports: { autoStart: false, pageSize: 5 } });
    const streamed = await call(server.owner, 'POST', '/api/v1/exports/orders', body);
    const started = await call(server.owner, 'POST', '/api/v1/exports/orders?async=true', body);
    const job = started.json as ExportJob;
    expect(job.status).toBe('queued');
    // two pages written, then the server goes away without a word (as kill -9 would)
    await server.app.exportJobRunner.runNextJob({ maxPages: 2 });
    const halfway = (await call(server.owner, 'GET', `/api/v1/exports/${job.id}`)).json as ExportJob;
    expect(halfway).toMatchObject({ status: 'running', progress: { done: 10, total: ORDERS }, fileUrl: null });
    expect(codeOf(await call(server.owner, 'GET', `/api/v1/exports/${job.id}/file`))).toBe('EXPORT_FILE_NOT_READY');

    // another server on the same database takes the job over once its heartbeat is stale
    await server.restart({ exports: { staleAfterMs: 300, pageSize: 5 } });
    const done = await finished(server.owner, job);
    expect(done.status).toBe('done');
    const file = await call(server.owner, 'GET', done.fileUrl!);
    expect(await cellsOf(file.bytes)).toEqual(await cellsOf(streamed.bytes));
  });

  it('keeps the file for a day: then 410 EXPORT_FILE_EXPIRED, and the clean-up deletes it', async () => {
    const started = await call(server.owner, 'POST', '/api/v1/exports/orders?async=true', { filter: {}, columns: ['orderNumber'] });
    const job = await finished(server.owner, started.json as ExportJob);
    expect((await call(server.owner, 'GET', job.fileUrl!)).status).toBe(200);
    await server.database.db.execute(
      sql`update bulk_jobs set result = jsonb_set(result, '{finishedAt}', to_jsonb(to_char(now() - interval '25 hours', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))) where id = ${job.id}`,
    );
    expect(((await call(server.owner, 'GET', `/api/v1/exports/${job.id}`)).json as ExportJob).status).toBe('expired');
    const gone = await call(server.owner, 'GET', job.fileUrl!);
    expect([gone.status, codeOf(gone)]).toEqual([410, 'EXPORT_FILE_EXPIRED']);

    const task = standardTasks(server.database.kind).find((t) => t.name === 'old-export-files')!;
    const ran = await task.run(server.database.db);
    expect(ran).toMatchObject({ deleted: expect.any(Number) });
    expect(await countRows(server.database.db, sql`select count(*) as n from export_file_chunks where job_id = ${job.id}`)).toBe(0);
    expect((await call(server.owner, 'GET', job.fileUrl!)).status).toBe(410);
  });

  it('is the shop’s: another shop’s staff get 404; a viewer gets the masked file of their own and no unmasked one', async () => {
    const owners = await call(server.owner, 'POST', '/api/v1/exports/orders?async=true', body);
    const unmasked = await finished(server.owner, owners.json as ExportJob);
    expect(unmasked.personal).toBe(true);

    const other = await createShop(server.database.db, { name: '다른샵', ownerEmail: `other${Date.now()}@test.kr`, ownerName: '남주인', ownerPassword: 'owner-password-1' });
    const stranger = await server.signIn(other.ownerEmail, 'owner-password-1');
    for (const path of [`/api/v1/exports/${unmasked.id}`, `/api/v1/exports/${unmasked.id}/file`]) {
      const res = await call(stranger, 'GET', path);
      expect([res.status, codeOf(res)]).toEqual([404, 'EXPORT_JOB_NOT_FOUND']);
    }

    const viewer = await server.addStaff('viewer');
    expect((await call(viewer, 'GET', `/api/v1/exports/${unmasked.id}`)).status).toBe(200);
    const refused = await call(viewer, 'GET', unmasked.fileUrl!);
    expect([refused.status, codeOf(refused)]).toEqual([403, 'EXPORT_PERSONAL_FORBIDDEN']);

    // the viewer's own export of the same columns: masked, no reason asked
    const mine = await call(viewer, 'POST', '/api/v1/exports/orders?async=true', { filter: {}, columns: COLUMNS });
    expect(mine.status).toBe(202);
    const masked = await finished(viewer, mine.json as ExportJob);
    expect(masked.personal).toBe(false);
    const file = await call(viewer, 'GET', masked.fileUrl!);
    const [phone] = await queryRows<{ orderer_phone: string; order_number: string }>(server.database.db, sql`select orderer_phone, order_number from orders where shop_id = ${server.shop.shopId} order by id limit 1`);
    const row = (await cellsOf(file.bytes)).find((cells) => (cells[0] as unknown[])[1] === phone!.order_number)!;
    expect((row[3] as unknown[])[1]).toBe(maskPhone(phone!.orderer_phone));
    expect((row[3] as unknown[])[1]).not.toBe(phone!.orderer_phone);
  });

  it('records the unmasked export in the access log with its reason when it is asked for', async () => {
    const before = await countRows(server.database.db, sql`select count(*) as n from personal_data_access where shop_id = ${server.shop.shopId} and purpose = 'export'`);
    const started = await call(server.owner, 'POST', '/api/v1/exports/orders?async=true', { ...body, reason: '세무 신고' });
    expect(started.status).toBe(202);
    const [entry] = await queryRows<{ reason: string }>(
      server.database.db,
      sql`select reason from personal_data_access where shop_id = ${server.shop.shopId} and purpose = 'export' order by id desc limit 1`,
    );
    expect(await countRows(server.database.db, sql`select count(*) as n from personal_data_access where shop_id = ${server.shop.shopId} and purpose = 'export'`)).toBe(before + 1);
    expect(entry?.reason).toBe('세무 신고');
  });

  it('is not a bulk job: the bulk-job routes answer 404 for it and leave it as it was', async () => {
    const started = await call(server.owner, 'POST', '/api/v1/exports/orders?async=true', body);
    const job = await finished(server.owner, started.json as ExportJob);
    for (const [method, path] of [
      ['GET', `/api/v1/bulk-jobs/${job.id}`],
      ['GET', `/api/v1/bulk-jobs/${job.id}/items`],
      ['POST', `/api/v1/bulk-jobs/${job.id}/cancel`],
    ] as const) {
      const res = await call(server.owner, method, path);
      expect([res.status, codeOf(res)], `${method} ${path}`).toEqual([404, 'BULK_JOB_NOT_FOUND']);
    }
    const list = await call(server.owner, 'GET', '/api/v1/bulk-jobs');
    expect((list.json as { items: Array<{ id: number }> }).items.map((j) => j.id)).not.toContain(job.id);
    expect((await call(server.owner, 'GET', `/api/v1/exports/${job.id}`)).json).toEqual(job);
  });

  it('refuses bad input with a code and starts nothing', async () => {
    const jobs = () => countRows(server.database.db, sql`select count(*) as n from bulk_jobs where kind = 'export'`);
    const before = await jobs();
    const noReason = await call(server.owner, 'POST', '/api/v1/exports/orders?async=true', { filter: {}, columns: COLUMNS });
    expect([noReason.status, codeOf(noReason)]).toEqual([400, 'EXPORT_REASON_REQUIRED']);
    const badQuery = await call(server.owner, 'POST', '/api/v1/exports/orders?async=maybe', body);
    expect([badQuery.status, codeOf(badQuery)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await jobs()).toBe(before);
    expect(codeOf(await call(server.owner, 'GET', '/api/v1/exports/abc'))).toBe('VALIDATION_FAILED');
    expect(codeOf(await call(server.owner, 'GET', '/api/v1/exports/987654321'))).toBe('EXPORT_JOB_NOT_FOUND');
    expect(codeOf(await call(server.owner, 'GET', '/api/v1/exports/987654321/file'))).toBe('EXPORT_JOB_NOT_FOUND');
    expect((await call(server.anonymous(), 'GET', '/api/v1/exports/1')).status).toBe(401);
  });
});
