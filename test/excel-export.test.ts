import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusChangeResult } from '../src/contracts/fulfillment';
import type { OrderDetail } from '../src/contracts/orders';
import { COLUMNS, DEFAULT_COLUMN_LAYOUT, type View } from '../src/contracts/views';
import { seoulMinute } from '../src/domain/spreadsheet-values';
import { ExportAborted, writeOrdersWorkbook } from '../src/server/excel/export-service';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

/**
 * The .xlsx export, read back with exceljs cell by cell: three orders — A (two items, one of them
 * shipped with a tracking number that starts with zeros), B (one item) and C (ordered ten days
 * ago) — exported by filter and period, by chosen ids, by a tab's layout and in English.
 */
let server: TestServer;
/** The owner's cookies and CSRF token, for raw fetches (the export answers a file, not JSON). */
let session: Record<string, string>;
let a: OrderDetail;
let b: OrderDetail;
let c: OrderDetail;
let socksItem: number;
let shirtItem: number;

const HOUR = 3_600_000;
const seoulDay = (at: number) => new Date(at + 9 * HOUR).toISOString().slice(0, 10);
const TRACKING = '0012345678901234';
const ITEM_HEADERS_KO = ['품목번호', '상품명', '옵션', '수량', '판매가', '품목상태'];
const defaultHeaders = () => [
  ...DEFAULT_COLUMN_LAYOUT.filter((col) => col.visible).map((col) => COLUMNS[col.key].ko),
  ...ITEM_HEADERS_KO.map((h) => (h === '수량' ? '품목수량' : h)),
];


interface Exported {
  status: number;
  headers: Headers;
  sheet: ExcelJS.Worksheet;
  error?: { code: string };
}

/** The owner's export, unmasked: with the 다운로드 사유 a file with personal columns needs (test/personal-data.test.ts). */
const withReason = (body: unknown) => (typeof body === 'object' && body !== null && !('reason' in body) ? { ...body, reason: '주문 확인' } : body);

async function exportOrders(body: unknown, headers: Record<string, string> = {}): Promise<Exported> {
  const res = await fetch(`${server.baseUrl}/api/v1/exports/orders`, { method: 'POST', headers: { 'content-type': 'application/json', ...session, ...headers }, body: JSON.stringify(withReason(body)) });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) return { status: res.status, headers: res.headers, sheet: undefined as never, error: (JSON.parse(bytes.toString()) as { error: { code: string } }).error };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { status: res.status, headers: res.headers, sheet: workbook.worksheets[0]! };
}

const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
/** Data rows as { header: cell }. */
function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.Cell>> {
  const header = headerOf(sheet) as string[];
  const out: Array<Record<string, ExcelJS.Cell>> = [];
  for (let r = 2; r <= sheet.rowCount; r++) out.push(Object.fromEntries(header.map((h, i) => [h, sheet.getRow(r).getCell(i + 1)])));
  return out;
}
const text = (cell: ExcelJS.Cell | undefined) => {
  expect(cell?.type, `${cell?.address} is a text cell`).toBe(ExcelJS.ValueType.String);
  return cell?.value as string;
};

async function place(body: Record<string, unknown>): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', body);
  expect(res.status).toBe(201);
  return res.body;
}

async function changeStatus(order: OrderDetail, to: string, items: Array<{ itemId: number; quantity: number }>, shipment?: { courier: string; trackingNumber: string }): Promise<OrderDetail> {
  const changes = items.map((i) => ({
    shipmentGroupId: order.shipmentGroups.find((g) => g.items.some((u) => u.itemId === i.itemId) && g.status !== 'shipping')!.id,
    itemId: i.itemId,
    quantity: i.quantity,
    to,
  }));
  const res = await server.owner.post<{ order: OrderDetail; result: StatusChangeResult }>(`/api/v1/orders/${order.id}/status-changes`, { expectedVersion: order.version, changes, shipment });
  expect(res.status).toBe(200);
  return res.body.order;
}

beforeAll(async () => {
  server = await startTestServer();
  const { shopId } = server.shop;
  const socks = await addProduct(server.database.db, shopId, { name: '면 양말', price: 12000, options: [{ name: '블랙/M' }] });
  const shirt = (await addProduct(server.database.db, shopId, { name: '린넨 셔츠', price: 39000 })).productId;
  session = await (await server.signIn(server.shop.ownerEmail, 'owner-password-1')).sessionHeaders();
  const now = Date.now();
  const guest = (name: string, phone: string) => ({ name, phone, guestPassword: '1234' });
  a = await place({
    orderer: guest('김하나', '010-0123-4567'),
    addresses: [seoulAddress({ recipientName: '박둘', recipientPhone: '010-0987-6543' })],
    items: [{ productId: socks.productId, optionId: socks.optionIds[0], quantity: 2 }, { productId: shirt, quantity: 1 }],
    payment: cardPayment(63000),
    orderedAt: new Date(now - HOUR).toISOString(),
  });
  socksItem = a.items.find((i) => i.productName === '면 양말')!.id;
  shirtItem = a.items.find((i) => i.productName === '린넨 셔츠')!.id;
  const all = [{ itemId: socksItem, quantity: 2 }, { itemId: shirtItem, quantity: 1 }];
  a = await changeStatus(a, 'preparing', all);
  a = await changeStatus(a, 'ready_to_ship', all);
  a = await changeStatus(a, 'shipping', [{ itemId: socksItem, quantity: 2 }], { courier: 'CJ', trackingNumber: TRACKING });
  b = await place({ orderer: guest('이두리', '010-2222-0001'), addresses: [seoulAddress()], items: [{ productId: shirt, quantity: 1 }], payment: cardPayment(42000), orderedAt: new Date(now - 2 * HOUR).toISOString() });
  c = await place({ orderer: guest('최세나', '010-3333-0002'), addresses: [seoulAddress()], items: [{ productId: shirt, quantity: 1 }], payment: cardPayment(42000), orderedAt: new Date(now - 10 * 24 * HOUR).toISOString() });
});
afterAll(() => server.close());

const recentPeriod = () => ({ field: 'ordered' as const, from: seoulDay(Date.now() - 24 * HOUR), to: seoulDay(Date.now()) });

describe('order export (.xlsx)', () => {
  it('writes the default layout, then the item columns; one row per item with the order columns repeated; a period leaves out an older order', async () => {
    const res = await exportOrders({ filter: {}, period: recentPeriod() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headerOf(res.sheet)).toEqual(defaultHeaders());
    const rows = rowsOf(res.sheet);
    // newest first: A's two items, then B; C was ordered ten days ago
    expect(rows.map((r) => r['주문번호']!.value)).toEqual([a.orderNumber, a.orderNumber, b.orderNumber]);
    expect(rows.map((r) => r['품목번호']!.value)).toEqual([String(socksItem), String(shirtItem), String(b.items[0]!.id)]);

    const [socks, shirt] = rows as [Record<string, ExcelJS.Cell>, Record<string, ExcelJS.Cell>];
    for (const row of [socks, shirt]) {
      expect(text(row['주문번호'])).toBe(a.orderNumber);
      expect(text(row['연락처'])).toBe('010-0123-4567');
      expect(text(row['주문일시'])).toBe(seoulMinute(new Date(a.orderedAt)));
      expect(text(row['구매자명'])).toBe('김하나');
      expect(text(row['수령인'])).toBe('박둘');
      expect(text(row['회원구분'])).toBe('비회원');
      expect(text(row['주문상태'])).toBe('부분배송');
      expect(row['결제금액']!.value).toBe(63000);
      expect(row['결제금액']!.numFmt).toBe('#,##0');
      expect(row['잔여 결제금액']!.value).toBe(0);
      expect(row['수량']!.value).toBe(3);
    }
    expect(text(socks['송장번호'])).toBe(TRACKING);
    expect(text(socks['택배사'])).toBe('CJ대한통운');
    expect(text(socks['상품명'])).toBe('면 양말');
    expect(text(socks['옵션'])).toBe('블랙/M');
    expect(socks['품목수량']!.value).toBe(2);
    expect(socks['판매가']!.value).toBe(12000);
    expect(socks['판매가']!.numFmt).toBe('#,##0');
    expect(text(socks['품목상태'])).toBe('배송중');
    // the shirt waits in the warehouse: no parcel of its own, even though the order has one
    expect(shirt['송장번호']!.value).toBeNull();
    expect(shirt['택배사']!.value).toBeNull();
    expect(shirt['옵션']!.value).toBeNull();
    expect(text(shirt['품목상태'])).toBe('배송대기');
  });

  it('names the file 주문목록_YYYYMMDD_HHmm.xlsx (RFC 5987) with an ASCII fallback', async () => {
    const res = await exportOrders({ filter: {}, period: recentPeriod() });
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="orders_\d{8}_\d{4}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^주문목록_\d{8}_\d{4}\.xlsx$/);
  });

  it('exports chosen orders only, in the list order', async () => {
    const res = await exportOrders({ orderIds: [c.id, b.id] });
    expect(res.status).toBe(200);
    expect(rowsOf(res.sheet).map((r) => r['주문번호']!.value)).toEqual([b.orderNumber, c.orderNumber]);
  });

  it('follows a tab: its filter, its shared layout (a hidden column is absent), then the caller’s own layout', async () => {
    const created = await server.owner.post<View>('/api/v1/views', {
      name: '엑셀 탭',
      filter: { unitStatuses: ['shipping'] },
      columns: [
        { key: 'orderNumber', position: 0, width: 170, visible: true },
        { key: 'ordererPhone', position: 1, width: 130, visible: false },
        { key: 'trackingNumber', position: 2, width: 150, visible: true },
        { key: 'totalAmount', position: 3, width: 120, visible: true },
      ],
    });
    expect(created.status).toBe(201);
    const shared = await exportOrders({ viewId: created.body.id });
    expect(headerOf(shared.sheet)).toEqual(['주문번호', '송장번호', '결제금액', ...ITEM_HEADERS_KO]);
    expect(rowsOf(shared.sheet).map((r) => r['주문번호']!.value)).toEqual([a.orderNumber, a.orderNumber]);

    const personal = await server.owner.request('PUT', `/api/v1/views/${created.body.id}/layout`, {
      columns: [{ key: 'totalAmount', position: 0, width: 120, visible: true }, { key: 'orderNumber', position: 1, width: 170, visible: true }],
    });
    expect(personal.status).toBe(200);
    const mine = await exportOrders({ viewId: created.body.id, period: recentPeriod() });
    expect(headerOf(mine.sheet)).toEqual(['결제금액', '주문번호', ...ITEM_HEADERS_KO]);
    // columns sent with the request win over the tab's
    const sent = await exportOrders({ viewId: created.body.id, columns: ['ordererPhone', 'orderNumber'] });
    expect(headerOf(sent.sheet)).toEqual(['연락처', '주문번호', ...ITEM_HEADERS_KO]);
    expect(text(rowsOf(sent.sheet)[0]!['연락처'])).toBe('010-0123-4567');
  });

  it('adds 배송지연 (days late, as numbers) after 주문상태 while the tab filters by delay, though its layout hides it', async () => {
    const created = await server.owner.post<View>('/api/v1/views', {
      name: '배송지연 탭',
      filter: { shippingDelayDays: 1 },
      columns: [
        { key: 'orderNumber', position: 0, width: 160, visible: true },
        { key: 'orderStatus', position: 1, width: 130, visible: true },
        { key: 'totalAmount', position: 2, width: 110, visible: true },
      ],
    });
    expect(created.status).toBe(201);
    const delayed = await exportOrders({ viewId: created.body.id });
    expect(headerOf(delayed.sheet)).toEqual(['주문번호', '주문상태', '배송지연', '결제금액', ...ITEM_HEADERS_KO]);
    // every order here was paid on 2026-11-26 (Seoul) and has units waiting: A's shirt, B, C
    const days = Math.round((Date.parse(seoulDay(Date.now())) - Date.parse('2026-11-26')) / (24 * HOUR));
    const rows = rowsOf(delayed.sheet);
    expect(new Set(rows.map((r) => r['주문번호']!.value))).toEqual(new Set([a.orderNumber, b.orderNumber, c.orderNumber]));
    for (const row of rows) expect([row['배송지연']!.type, row['배송지연']!.value]).toEqual([ExcelJS.ValueType.Number, days]);
    // the same tab's layout without the filter: no 배송지연
    const plain = await exportOrders({ viewId: created.body.id, filter: {} });
    expect(headerOf(plain.sheet)).toEqual(['주문번호', '주문상태', '결제금액', ...ITEM_HEADERS_KO]);
    expect((await server.owner.request('DELETE', `/api/v1/views/${created.body.id}`)).status).toBe(200);
  });

  it('writes English headers and labels with Accept-Language: en', async () => {
    const res = await exportOrders({ orderIds: [a.id], columns: ['orderNumber', 'ordererPhone', 'courier', 'orderStatus'] }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(headerOf(res.sheet)).toEqual(['Order number', 'Phone', 'Courier', 'Order status', 'Item number', 'Product', 'Option', 'Quantity', 'Unit price', 'Item status']);
    const [socks] = rowsOf(res.sheet);
    expect([socks!['Courier']!.value, socks!['Order status']!.value, socks!['Item status']!.value]).toEqual(['CJ Logistics', 'Partially shipped', 'Shipping']);
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toMatch(/^orders_\d{8}_\d{4}\.xlsx$/);
  });

  it('refuses what it cannot export before the first byte', async () => {
    expect((await exportOrders({ orderIds: [a.id], filter: {} })).error?.code).toBe('VALIDATION_FAILED');
    expect((await exportOrders({})).error?.code).toBe('VALIDATION_FAILED');
    expect((await exportOrders({ filter: { misspelt: true } })).error?.code).toBe('VALIDATION_FAILED');
    expect((await exportOrders({ orderIds: Array.from({ length: 10_001 }, (_, i) => i + 1) })).error?.code).toBe('VALIDATION_FAILED');
    const unknownTab = await exportOrders({ viewId: 987654 });
    expect([unknownTab.status, unknownTab.error?.code]).toEqual([404, 'VIEW_NOT_FOUND']);
    const anonymous = await exportOrders({ filter: {} }, { cookie: '' });
    expect(anonymous.status).toBe(401);
  });

  it('is documented in the OpenAPI document as an .xlsx answer to an OrderExportRequest', async () => {
    const doc = await server.anonymous().get<{ paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, { content?: Record<string, unknown> }> }>> }>('/api/openapi.json');
    const route = doc.body.paths['/api/v1/exports/orders']!.post!;
    expect(JSON.stringify(route.requestBody)).toContain('OrderExportRequest');
    expect(Object.keys(route.responses['200']!.content!)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(doc.body.paths['/api/v1/tracking-imports']!.post!.responses['200']).toBeDefined();
  });

  it('pages by keyset without losing or repeating an order (writeOrdersWorkbook, pages of one order)', async () => {
    const read = async (pageSize: number) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (chunk: Buffer) => chunks.push(chunk));
      const summary = await writeOrdersWorkbook(server.database.db, server.shop.shopId, { columns: ['orderNumber'], pageSize }, 'ko', out);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
      return { summary, rows: rowsOf(workbook.worksheets[0]!).map((r) => [r['주문번호']!.value, r['품목번호']!.value]) };
    };
    const paged = await read(1);
    expect(paged.summary).toEqual({ orders: 3, rows: 4 });
    expect(paged.rows).toEqual((await read(1000)).rows);
    expect(paged.rows.map((r) => r[0])).toEqual([a.orderNumber, a.orderNumber, b.orderNumber, c.orderNumber]);
  });

  it('stops when the reader goes away (a cancelled download)', async () => {
    const out = new PassThrough();
    out.once('data', () => out.destroy());
    await expect(writeOrdersWorkbook(server.database.db, server.shop.shopId, { pageSize: 1 }, 'ko', out)).rejects.toBeInstanceOf(ExportAborted);
    // and the server is still answering
    expect((await exportOrders({ orderIds: [b.id] })).status).toBe(200);
  });
});
