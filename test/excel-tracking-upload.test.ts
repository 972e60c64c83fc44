import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TrackingImportResult } from '../src/contracts/excel';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { expectOrdersSound } from './support/invariants';
import { startTestServer, type TestServer } from './support/server';

/**
 * 송장 일괄 등록 through HTTP: sheets built with exceljs (and one exported by the server, filled in
 * and uploaded back), good and bad rows mixed, checked row by row and against the orders.
 */
let server: TestServer;
/** The owner's cookies and CSRF token, for raw fetches (the upload's body is a file). */
let session: Record<string, string>;
let socks: number;
let shirt: number;
const touched = new Set<number>();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['주문번호', '품목번호', '택배사', '송장번호'];
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };


/** A workbook of one sheet: the header row, then the rows (row 2 onwards). */
async function sheetOf(rows: unknown[][], header: unknown[] = HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('송장');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload<T = TrackingImportResult>(body: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.baseUrl}/api/v1/tracking-imports`, { method: 'POST', headers: { 'content-type': XLSX, ...session, ...headers }, body });
  return { status: res.status, body: (await res.json()) as T };
}

const detail = async (id: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${id}`)).body;
const itemOf = (order: OrderDetail, name: string) => order.items.find((i) => i.productName === name)!.id;

/** An order of `items`, paid by card, every unit moved to 배송대기 (or left 결제완료). */
async function order(items: Array<[number, number]>, total: number, ready = true): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '정하늘', phone: '010-4444-5555', guestPassword: '1234' },
    addresses: [seoulAddress()],
    items: items.map(([productId, quantity]) => ({ productId, quantity })),
    payment: cardPayment(total),
  });
  expect(res.status).toBe(201);
  let o = res.body;
  touched.add(o.id);
  if (!ready) return o;
  for (const to of ['preparing', 'ready_to_ship']) {
    const changes = o.shipmentGroups.flatMap((g) => g.items.map((u) => ({ shipmentGroupId: g.id, itemId: u.itemId, quantity: u.quantity, to })));
    const moved = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${o.id}/status-changes`, { expectedVersion: o.version, changes });
    expect(moved.status).toBe(200);
    o = moved.body.order;
  }
  return o;
}
const socksAndShirt = () => order([[socks, 2], [shirt, 1]], 63000);
const shirtOnly = (ready = true) => order([[shirt, 1]], 42000, ready);

const verdicts = (result: TrackingImportResult) => result.rows.map((r) => [r.row, r.outcome, r.code]);
const parcelsOf = (o: OrderDetail) =>
  o.shipmentGroups.filter((g) => g.trackingNumber !== null).map((g) => ({ courier: g.courier, trackingNumber: g.trackingNumber, status: g.status, items: g.items }));

beforeAll(async () => {
  server = await startTestServer();
  socks = (await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 })).productId;
  shirt = (await addProduct(server.database.db, server.shop.shopId, { name: '린넨 셔츠', price: 39000 })).productId;
  session = await (await server.signIn(server.shop.ownerEmail, 'owner-password-1')).sessionHeaders();
});
afterAll(() => server.close());
afterEach(() => expectOrdersSound(server, touched));

describe('tracking-number upload', () => {
  it('applies good rows and reports bad ones row by row; a bad row rejects its siblings, other orders apply', async () => {
    const p = await shirtOnly();
    const q = await socksAndShirt();
    const r = await shirtOnly();
    const s = await shirtOnly();
    const t = await shirtOnly(false);
    const u = await shirtOnly();
    const w = await shirtOnly();
    const qBefore = await detail(q.id);
    const file = await sheetOf([
      [p.orderNumber, null, 'CJ대한통운', '640000000001'], // 2 applied
      [q.orderNumber, String(itemOf(q, '면 양말')), 'cj대한통운', 'Q-0001'], // 3 sibling of a bad row
      [q.orderNumber, '99999999', '대한통운', 'Q-0002'], // 4 not an item of Q
      ['NOPE-0001', null, 'CJ', '640000000009'], // 5 unknown order
      [r.orderNumber, null, 'DHL', '640000000003'], // 6 unknown courier
      [s.orderNumber, null, '한진택배', 'ab1'], // 7 bad tracking number
      [t.orderNumber, null, '한진', '640000000005'], // 8 nothing 배송대기
      [p.orderNumber, null, 'CJ대한통운', '640000000001'], // 9 repeats row 2
      [q.orderNumber, null, null, null], // 10 nothing asked: skipped
      [u.orderNumber, null, null, '640000000006'], // 11 no courier
      [w.orderNumber, itemOf(w, '린넨 셔츠'), 'LOTTE', 640000000007], // 12 numbers typed into General cells: fine up to 15 digits
      [s.orderNumber, null, '우체국', 6400000000081234], // 13 16 digits as a number: digits lost
    ]);
    const res = await upload(file);
    expect(res.status).toBe(200);
    expect(verdicts(res.body)).toEqual([
      [2, 'applied', null],
      [3, 'rejected', 'TRACKING_SIBLING_REJECTED'],
      [4, 'rejected', 'TRACKING_ITEM_NOT_FOUND'],
      [5, 'rejected', 'TRACKING_ORDER_NOT_FOUND'],
      [6, 'rejected', 'TRACKING_COURIER_UNKNOWN'],
      [7, 'rejected', 'TRACKING_NUMBER_INVALID'],
      [8, 'rejected', 'TRACKING_NOTHING_TO_SHIP'],
      [9, 'rejected', 'TRACKING_DUPLICATE_ROW'],
      [11, 'rejected', 'TRACKING_COURIER_MISSING'],
      [12, 'applied', null],
      [13, 'rejected', 'TRACKING_NUMBER_DIGITS_LOST'],
    ]);
    const row = (n: number) => res.body.rows.find((x) => x.row === n)!;
    expect(row(2)).toEqual({
      row: 2, orderNumber: p.orderNumber, itemNumber: null, courier: 'CJ대한통운', trackingNumber: '640000000001', outcome: 'applied', code: null,
      message: '1개 발송 처리했습니다.', orderId: p.id, courierCode: 'CJ', shippedQuantity: 1,
    });
    expect(row(3).message).toBe('같은 주문의 다른 행에 오류가 있어 이 주문은 처리하지 않았습니다. (4행)');
    expect(row(6).message).toContain('(입력: DHL)');
    expect(row(8).message).toBe('배송대기 상태인 상품이 없습니다. (현재: 결제완료)');
    expect(row(9).message).toContain('(2행)');
    expect(row(12)).toMatchObject({ itemNumber: String(itemOf(w, '린넨 셔츠')), trackingNumber: '640000000007', courierCode: 'LOTTE' });
    expect(res.body.totals).toEqual({ rows: 11, applied: 2, rejected: 9, skipped: 1, ordersShipped: 2, ordersRejected: 5, parcels: 2, unitsShipped: 2 });

    const shipped = await detail(p.id);
    expect(shipped.version).toBe(p.version + 1);
    expect(parcelsOf(shipped)).toEqual([{ courier: 'CJ', trackingNumber: '640000000001', status: 'shipping', items: [{ itemId: p.items[0]!.id, quantity: 1 }] }]);
    expect(shipped.orderStatus).toBe('shipping');
    // the order of a rejected row is exactly as it was: same version, same groups
    expect(await detail(q.id)).toEqual(qBefore);
    for (const o of [r, s, t, u]) expect((await detail(o.id)).version).toBe(o.version);
    expect(parcelsOf(await detail(w.id))).toEqual([{ courier: 'LOTTE', trackingNumber: '640000000007', status: 'shipping', items: [{ itemId: w.items[0]!.id, quantity: 1 }] }]);

    const events = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${p.id}/timeline?only=events`)).body.entries.flatMap((e) => (e.kind === 'event' ? [e] : []));
    expect(events.find((e) => e.type === 'tracking_assigned')).toMatchObject({ payload: { courier: 'CJ', trackingNumber: '640000000001' }, actor: { kind: 'staff' } });
    expect(events.find((e) => e.type === 'statuses_changed')).toMatchObject({ payload: { moves: [{ from: 'ready_to_ship', to: 'shipping', quantity: 1 }] } });
  });

  it('splits an order into two parcels by item number, in one change of the order', async () => {
    const v = await socksAndShirt();
    const [sock, top] = [itemOf(v, '면 양말'), itemOf(v, '린넨 셔츠')];
    const res = await upload(await sheetOf([[v.orderNumber, String(sock), '로젠택배', 'A-100'], [v.orderNumber, String(top), '한진', 'B-200']]));
    expect(verdicts(res.body)).toEqual([[2, 'applied', null], [3, 'applied', null]]);
    expect(res.body.rows.map((r) => r.shippedQuantity)).toEqual([2, 1]);
    expect(res.body.totals).toMatchObject({ parcels: 2, unitsShipped: 3, ordersShipped: 1 });
    const after = await detail(v.id);
    expect(after.version).toBe(v.version + 1);
    expect(parcelsOf(after)).toEqual(
      expect.arrayContaining([
        { courier: 'LOGEN', trackingNumber: 'A-100', status: 'shipping', items: [{ itemId: sock, quantity: 2 }] },
        { courier: 'HANJIN', trackingNumber: 'B-200', status: 'shipping', items: [{ itemId: top, quantity: 1 }] },
      ]),
    );
    expect(after.shipmentGroups).toHaveLength(2);
    const events = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${v.id}/timeline?only=events`)).body.entries.flatMap((e) => (e.kind === 'event' ? [e] : []));
    expect(events.filter((e) => e.type === 'tracking_assigned').map((e) => e.payload.trackingNumber).sort()).toEqual(['A-100', 'B-200']);
  });

  it('a second upload of the same file ships nothing twice', async () => {
    const o = await socksAndShirt();
    const file = await sheetOf([[o.orderNumber, null, 'CJ대한통운', '650000000001']]);
    expect(verdicts((await upload(file)).body)).toEqual([[2, 'applied', null]]);
    const once = await detail(o.id);
    const again = await upload(file);
    expect(verdicts(again.body)).toEqual([[2, 'rejected', 'TRACKING_ALREADY_SHIPPED']]);
    expect(again.body.rows[0]!.message).toBe('이미 이 송장번호로 발송된 상품입니다.');
    expect(await detail(o.id)).toEqual(once);
  });

  it('takes an exported order file back with the tracking numbers filled in (leading zeros kept); an already shipped item blocks nothing', async () => {
    const x = await socksAndShirt();
    const [sock, top] = [itemOf(x, '면 양말'), itemOf(x, '린넨 셔츠')];
    // the socks leave by hand first
    const group = x.shipmentGroups[0]!;
    const byHand = await server.owner.post(`/api/v1/orders/${x.id}/status-changes`, {
      expectedVersion: x.version, changes: [{ shipmentGroupId: group.id, itemId: sock, quantity: 2, to: 'shipping' }], shipment: { courier: 'CJ', trackingNumber: '660000000001' },
    });
    expect(byHand.status).toBe(200);
    const exported = await fetch(`${server.baseUrl}/api/v1/exports/orders`, { method: 'POST', headers: { 'content-type': 'application/json', ...session }, body: JSON.stringify({ orderIds: [x.id], reason: '송장 등록' }) });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await exported.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const itemRow = (itemId: number) => [2, 3].find((r) => sheet.getRow(r).getCell(col('품목번호')).value === String(itemId))!;
    expect(sheet.getRow(itemRow(sock)).getCell(col('송장번호')).value).toBe('660000000001');
    expect(sheet.getRow(itemRow(top)).getCell(col('송장번호')).value).toBeNull();
    sheet.getRow(itemRow(top)).getCell(col('택배사')).value = '롯데택배';
    sheet.getRow(itemRow(top)).getCell(col('송장번호')).value = '000123456789';
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r) => [r.itemNumber, r.outcome, r.code])).toEqual(
      expect.arrayContaining([[String(sock), 'rejected', 'TRACKING_ALREADY_SHIPPED'], [String(top), 'applied', null]]),
    );
    const after = await detail(x.id);
    expect(parcelsOf(after)).toEqual(
      expect.arrayContaining([{ courier: 'LOTTE', trackingNumber: '000123456789', status: 'shipping', items: [{ itemId: top, quantity: 1 }] }]),
    );
    expect(after.orderStatus).toBe('shipping');
  });

  it('with an Idempotency-Key, a retried upload answers the first outcome and ships nothing more', async () => {
    const o = await shirtOnly();
    const file = await sheetOf([[o.orderNumber, null, '우체국택배', '690000000001']]);
    const first = await upload(file, { 'idempotency-key': 'upload-1' });
    expect(verdicts(first.body)).toEqual([[2, 'applied', null]]);
    const shipped = await detail(o.id);
    const retried = await upload(file, { 'idempotency-key': 'upload-1' });
    expect(retried.body).toEqual(first.body);
    expect(await detail(o.id)).toEqual(shipped);
    expect(parcelsOf(shipped)).toEqual([{ courier: 'EPOST', trackingNumber: '690000000001', status: 'shipping', items: [{ itemId: o.items[0]!.id, quantity: 1 }] }]);
  });

  it('a tracking number already on another parcel of the order is refused for the units still waiting', async () => {
    const o = await socksAndShirt();
    const sock = itemOf(o, '면 양말');
    const shipped = await server.owner.post(`/api/v1/orders/${o.id}/status-changes`, {
      expectedVersion: o.version, changes: [{ shipmentGroupId: o.shipmentGroups[0]!.id, itemId: sock, quantity: 2, to: 'shipping' }], shipment: { courier: 'CJ', trackingNumber: '670000000001' },
    });
    expect(shipped.status).toBe(200);
    const res = await upload(await sheetOf([[o.orderNumber, null, 'CJ', '6700-0000-0001']]));
    expect(verdicts(res.body)).toEqual([[2, 'rejected', 'TRACKING_NUMBER_IN_USE']]);
  });

  it('reads English headers, a header row below a title, and answers in English', async () => {
    const o = await shirtOnly();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Tracking numbers for Monday']);
    sheet.addRow(['Tracking No', 'Courier', 'Order number', 'Memo']);
    sheet.addRow(['680000000001', 'Hanjin', o.orderNumber, 'fragile']);
    sheet.addRow(['680000000002', 'Hanjin', 'NOPE-2', '']);
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), { 'accept-language': 'en' });
    expect(verdicts(res.body)).toEqual([[3, 'applied', null], [4, 'rejected', 'TRACKING_ORDER_NOT_FOUND']]);
    expect(res.body.rows.map((r) => r.message)).toEqual(['Shipped 1 unit(s).', 'No order has this order number.']);
  });

  it('refuses a body that is not an .xlsx, and one without the 주문번호 / 송장번호 columns, with 400; more than 2,000 rows with 422', async () => {
    const notXlsx = await upload<ErrorBody>('주문번호,송장번호\n1,2\n');
    expect([notXlsx.status, notXlsx.body.error.code]).toEqual([400, 'EXCEL_FILE_INVALID']);
    expect(notXlsx.body.error.message).toContain('.xlsx');
    const json = await fetch(`${server.baseUrl}/api/v1/tracking-imports`, { method: 'POST', headers: { 'content-type': 'application/json', ...session }, body: '{}' });
    expect([json.status, ((await json.json()) as ErrorBody).error.code]).toEqual([400, 'EXCEL_FILE_INVALID']);
    const zipButNotExcel = await upload<ErrorBody>(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]));
    expect([zipButNotExcel.status, zipButNotExcel.body.error.code]).toEqual([400, 'EXCEL_FILE_INVALID']);
    const noTracking = await upload<ErrorBody>(await sheetOf([['X-1', 'CJ']], ['주문번호', '택배사']));
    expect([noTracking.status, noTracking.body.error.code]).toEqual([400, 'EXCEL_HEADER_MISSING']);
    expect(noTracking.body.error.details).toMatchObject({ required: ['주문번호', '송장번호'], foundInFirstRow: ['주문번호', '택배사'] });
    const tooMany = await upload<ErrorBody>(await sheetOf(Array.from({ length: 2001 }, (_, i) => [`X-${i}`, null, 'CJ', `7${String(i).padStart(11, '0')}`])));
    expect([tooMany.status, tooMany.body.error.code, tooMany.body.error.details]).toEqual([422, 'EXCEL_TOO_MANY_ROWS', { max: 2000, rows: 2001 }]);
  });

  it('is for staff who may work orders; viewers may only download the template', async () => {
    const viewer = await server.addStaff('viewer');
    expect((await viewer.post<ErrorBody>('/api/v1/tracking-imports', {})).body.error.code).toBe('FORBIDDEN');
    const anonymous = await fetch(`${server.baseUrl}/api/v1/tracking-imports`, { method: 'POST', headers: { 'content-type': XLSX }, body: await sheetOf([]) });
    expect(anonymous.status).toBe(401);
    expect((await viewer.get('/api/v1/tracking-imports/template')).status).toBe(200);
  });

  it('serves a template with the header row and an example row, in Korean or English', async () => {
    for (const [lang, header] of [['ko', HEADER], ['en', ['Order number', 'Item number', 'Courier', 'Tracking number']]] as const) {
      const res = await fetch(`${server.baseUrl}/api/v1/tracking-imports/template`, { headers: { ...session, 'accept-language': lang } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(XLSX);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="tracking_numbers_template\.xlsx"; filename\*=UTF-8''/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0]!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
      expect(sheet.getRow(2).getCell(4).value).toBe('640123456789');
      expect(sheet.getRow(2).getCell(4).numFmt).toBe('@');
      expect(workbook.worksheets[1]!.rowCount).toBeGreaterThan(10);
    }
    // the template as downloaded is a valid upload: its example row names an order that does not exist
    const res = await fetch(`${server.baseUrl}/api/v1/tracking-imports/template`, { headers: session });
    const uploaded = await upload(Buffer.from(await res.arrayBuffer()));
    expect(verdicts(uploaded.body)).toEqual([[2, 'rejected', 'TRACKING_ORDER_NOT_FOUND']]);
  });
});
