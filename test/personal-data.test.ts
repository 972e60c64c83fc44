import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogEntry, AuditEventItem, PersonalDataReveal } from '../src/contracts/audit';
import type { OrderListResponse } from '../src/contracts/order-list';
import type { CheckoutQuote, OrderDetail } from '../src/contracts/orders';
import type { PrintSheetsResponse } from '../src/contracts/print-sheets';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type HttpClient, type TestServer } from './support/server';

/**
 * 개인정보: lists never show personal data; one order does, to those allowed, and every such read
 * is recorded. The check of the issue: the access log holds an entry for every unmasked read these
 * tests make, and none for the masked ones.
 */
let server: TestServer;
let order: OrderDetail;
let other: OrderDetail;
let manager: HttpClient;
let staff: HttpClient;
let viewer: HttpClient;
type ErrorBody = { error: { code: string } };
type AccessList = { items: AccessLogEntry[]; nextCursor: string | null };
type AuditList = { items: AuditEventItem[]; nextCursor: string | null };

/** Every entry of the access log, newest first. */
const accessLog = async (query = '') => (await server.owner.get<AccessList>(`/api/v1/personal-data-access?limit=200${query}`)).body.items;
/** What a step added to the access log: the entries written while it ran. */
async function logged(step: () => Promise<unknown>): Promise<AccessLogEntry[]> {
  const before = (await accessLog())[0]?.id ?? 0;
  await step();
  return (await accessLog()).filter((e) => e.id > before);
}

async function place(name: string, phone: string, email: string): Promise<OrderDetail> {
  const product = await addProduct(server.database.db, server.shop.shopId, { name: '개인정보 양말', price: 10000 });
  const body = {
    orderer: { name, phone, email, guestPassword: '1234' },
    addresses: [seoulAddress({ recipientName: '박수령', recipientPhone: '010-9876-5432' })],
    items: [{ productId: product.productId, quantity: 1 }],
  };
  const quote = await server.storefront.post<CheckoutQuote>('/api/v1/orders/quote', body);
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', { ...body, payment: cardPayment(quote.body.totals.total) });
  expect(res.status).toBe(201);
  return res.body;
}

async function download(client: HttpClient, path: string, body: unknown): Promise<{ status: number; sheet: ExcelJS.Worksheet | null; code?: string }> {
  const res = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await client.sessionHeaders()) }, body: JSON.stringify(body) });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) return { status: res.status, sheet: null, code: (JSON.parse(bytes.toString()) as ErrorBody).error.code };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { status: 200, sheet: workbook.worksheets[0]! };
}
const cells = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

beforeAll(async () => {
  server = await startTestServer();
  [manager, staff, viewer] = [await server.addStaff('manager'), await server.addStaff('staff'), await server.addStaff('viewer')];
  order = await place('홍길동', '010-1234-5678', 'gildong@example.kr');
  other = await place('김개인', '010-2222-3333', 'kim@example.kr');
});
afterAll(() => server?.close());

describe('the order list and search', () => {
  it('mask phones, e-mails and addresses for everyone, API keys included, and record nothing', async () => {
    const added = await logged(async () => {
      for (const client of [server.owner, staff, viewer, server.storefront]) {
        const list = await client.get<OrderListResponse>(`/api/v1/orders?keyword=${order.orderNumber}`);
        expect(list.body.items[0]).toMatchObject({
          ordererName: '홍길동',
          ordererPhone: '010-****-5678',
          ordererEmail: 'gi*****@example.kr',
          recipientPhone: '010-****-5432',
          recipientPostcode: '04524',
          recipientAddress: '서울특별시 중구 ***',
        });
        const search = await client.post<OrderListResponse>('/api/v1/orders/search', { filter: { keyword: '010-1234-5678' } });
        expect(search.body.items.map((o) => o.ordererPhone)).toEqual(['010-****-5678']);
      }
    });
    expect(added).toEqual([]);
  });
});

describe('one order', () => {
  it('shows staff its personal data and records the read as detail', async () => {
    const added = await logged(async () => {
      const res = await staff.get<OrderDetail>(`/api/v1/orders/${order.id}`);
      expect(res.body.orderer).toMatchObject({ name: '홍길동', phone: '010-1234-5678', email: 'gildong@example.kr' });
      expect(res.body.addresses[0]).toMatchObject({ recipientName: '박수령', address1: '서울특별시 중구 세종대로 110', address2: '3층' });
    });
    expect(added).toMatchObject([{ purpose: 'detail', actorKind: 'staff', actorName: 'staff 직원', orderIds: [order.id], orderNumbers: [order.orderNumber] }]);
    expect(added[0]!.fields).toEqual(['name', 'phone', 'email', 'address']);
  });

  it('masks it for a viewer, unrecorded', async () => {
    const added = await logged(async () => {
      const res = await viewer.get<OrderDetail>(`/api/v1/orders/${order.id}`);
      expect(res.body.orderer).toMatchObject({ name: '홍*동', phone: '010-****-5678', email: 'gi*****@example.kr' });
      expect(res.body.addresses[0]).toMatchObject({ recipientName: '박*령', recipientPhone: '010-****-5432', address1: '서울특별시 중구 ***', address2: '' });
    });
    expect(added).toEqual([]);
  });

  it('shows an API key with the read scope its personal data, recorded as api', async () => {
    const added = await logged(async () => expect((await server.storefront.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body.orderer.phone).toBe('010-1234-5678'));
    expect(added).toMatchObject([{ purpose: 'api', actorKind: 'api', orderIds: [order.id] }]);
  });

  it('reveals one order of the list (보기) to staff, recorded; a viewer may not', async () => {
    const added = await logged(async () => {
      const res = await staff.post<PersonalDataReveal>(`/api/v1/orders/${order.id}/personal-data-reveals`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ orderId: order.id, orderer: { phone: '010-1234-5678', email: 'gildong@example.kr' }, addresses: [{ recipientPhone: '010-9876-5432', address2: '3층' }] });
      expect((await viewer.post<ErrorBody>(`/api/v1/orders/${order.id}/personal-data-reveals`)).status).toBe(403);
    });
    expect(added).toMatchObject([{ purpose: 'reveal', orderIds: [order.id] }]);
  });
});

describe('downloads', () => {
  const columns = ['orderNumber', 'ordererName', 'ordererPhone', 'ordererEmail', 'recipientAddress'];

  it('give a manager the personal columns with a reason, recorded with the order ids; without one, 400 and no file', async () => {
    const refused = await logged(async () => {
      const res = await download(manager, '/api/v1/exports/orders', { orderIds: [order.id, other.id], columns });
      expect([res.status, res.code]).toEqual([400, 'EXPORT_REASON_REQUIRED']);
    });
    expect(refused).toEqual([]);
    const added = await logged(async () => {
      const { sheet } = await download(manager, '/api/v1/exports/orders', { orderIds: [order.id, other.id], columns, reason: '배송 문의 대응' });
      const row = [2, 3].map((r) => cells(sheet!, r)).find((c) => c[0] === order.orderNumber)!;
      expect(row.slice(1, 5)).toEqual(['홍길동', '010-1234-5678', 'gildong@example.kr', '서울특별시 중구 세종대로 110 3층']);
    });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ purpose: 'export', reason: '배송 문의 대응', orderCount: 2, fields: ['phone', 'email', 'address'] });
    expect([...added[0]!.orderIds].sort()).toEqual([order.id, other.id].sort());
  });

  it('give staff the personal columns masked, unrecorded', async () => {
    const added = await logged(async () => {
      const { sheet } = await download(staff, '/api/v1/exports/orders', { orderIds: [order.id], columns });
      expect(cells(sheet!, 2).slice(1, 5)).toEqual(['홍길동', '010-****-5678', 'gi*****@example.kr', '서울특별시 중구 ***']);
    });
    expect(added).toEqual([]);
  });

  it('record a courier file and a print of packing lists (masked for a viewer, unrecorded)', async () => {
    const courier = await logged(async () => expect((await download(manager, '/api/v1/orders/shipping-export', { orderIds: [order.id], format: 'CJ' })).status).toBe(200));
    expect(courier).toMatchObject([{ purpose: 'export', reason: '송장 출력', orderIds: [order.id] }]);
    const printed = await logged(async () => {
      const res = await staff.post<PrintSheetsResponse>('/api/v1/orders/print-sheets', { orderIds: [order.id] });
      expect(res.body.orders[0]!.addresses[0]).toMatchObject({ recipientPhone: '010-9876-5432', address2: '3층' });
    });
    expect(printed).toMatchObject([{ purpose: 'export', reason: '출력', orderIds: [order.id] }]);
    const masked = await logged(async () => {
      const res = await viewer.post<PrintSheetsResponse>('/api/v1/orders/print-sheets', { orderIds: [order.id] });
      expect(res.body.orders[0]!.buyer).toMatchObject({ name: '홍*동', phone: '010-****-5678' });
    });
    expect(masked).toEqual([]);
  });

  it('and bulk jobs are written to the audit log', async () => {
    await download(staff, '/api/v1/exports/orders', { orderIds: [order.id], columns });
    const job = await staff.post<{ id: number }>('/api/v1/bulk-jobs', { selection: { kind: 'orders', orderIds: [order.id] }, action: { type: 'add_memo', body: '개인정보 테스트' } });
    expect(job.status).toBe(202);
    const downloads = (await server.owner.get<AuditList>('/api/v1/audit-events?group=downloads')).body.items;
    expect(downloads[0]).toMatchObject({ kind: 'export_downloaded', kindLabel: '다운로드', group: 'downloads', staffName: 'staff 직원', detail: { file: 'orders', count: 1, personal: false } });
    expect(downloads.map((e) => e.detail.file)).toEqual(expect.arrayContaining(['orders', 'shipping', 'print_sheets']));
    const bulk = (await server.owner.get<AuditList>('/api/v1/audit-events?group=bulk')).body.items;
    expect(bulk).toMatchObject([{ kind: 'bulk_job_started', kindLabel: '일괄 처리 시작', detail: { jobId: job.body.id, action: 'add_memo', count: 1 } }]);
  });
});

describe('the logs', () => {
  it('are the owner’s alone', async () => {
    for (const client of [manager, staff, viewer, server.storefront]) {
      expect((await client.get('/api/v1/personal-data-access')).status).toBe(403);
      expect((await client.get('/api/v1/audit-events')).status).toBe(403);
    }
    expect((await server.owner.get('/api/v1/security-events')).status).toBe(404);
  });

  it('filter the access log by purpose, actor, order number and days, and page it newest first', async () => {
    expect((await accessLog('&purpose=reveal')).map((e) => e.purpose)).toEqual(['reveal']);
    expect((await accessLog('&actorKind=api')).every((e) => e.actorKind === 'api')).toBe(true);
    const byOther = await accessLog(`&orderNumber=${other.orderNumber}`);
    expect(byOther.map((e) => e.reason)).toEqual(['배송 문의 대응']);
    expect(await accessLog('&orderNumber=NO-SUCH')).toEqual([]);
    const seoulToday = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    expect((await accessLog(`&from=${seoulToday}&to=${seoulToday}`)).length).toBe((await accessLog()).length);
    expect(await accessLog('&to=2020-01-01')).toEqual([]);
    const first = await server.owner.get<AccessList>('/api/v1/personal-data-access?limit=2');
    const second = await server.owner.get<AccessList>(`/api/v1/personal-data-access?limit=2&cursor=${first.body.nextCursor}`);
    const all = await accessLog();
    expect([...first.body.items, ...second.body.items].map((e) => e.id)).toEqual(all.slice(0, 4).map((e) => e.id));
  });

  it('filter the audit log by group and staff, with sign-ins in words', async () => {
    const signIns = (await server.owner.get<AuditList>('/api/v1/audit-events?group=sign_in')).body.items;
    expect(signIns.some((e) => e.kind === 'sign_in_succeeded' && e.kindLabel === '로그인')).toBe(true);
    const me = (await staff.get<{ staff: { id: number } }>('/api/v1/auth/me')).body.staff.id;
    const mine = (await server.owner.get<AuditList>(`/api/v1/audit-events?staffId=${me}`)).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.staffId === me)).toBe(true);
  });

  it('download the access log as .xlsx, and write that download to the audit log', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/personal-data-access/export?purpose=export`, { headers: await server.owner.sessionHeaders() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('filename*=UTF-8');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(cells(sheet, 1)).toEqual(['일시', '접근자', '구분', '목적', '주문 수', '주문번호', '항목', '사유', '접속 IP']);
    const reasons = Array.from({ length: sheet.rowCount - 1 }, (_, i) => cells(sheet, i + 2)[7]);
    expect(reasons).toEqual(expect.arrayContaining(['배송 문의 대응', '송장 출력', '출력']));
    expect(sheet.rowCount - 1).toBe((await accessLog('&purpose=export')).length);
    const downloads = (await server.owner.get<AuditList>('/api/v1/audit-events?group=downloads')).body.items;
    expect(downloads[0]).toMatchObject({ subject: 'personal_data_access', detail: { file: 'personal_data_access', filter: { purpose: 'export' } } });
  });
});
