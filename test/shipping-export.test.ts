import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TrackingImportResult } from '../src/contracts/excel';
import type { OrderListResponse } from '../src/contracts/order-list';
import type { OrderDetail } from '../src/contracts/orders';
import type { ShippingExportForm, ShippingExportFormList } from '../src/contracts/shipping-export';
import { COURIER_EXPORT_CODES, COURIER_EXPORT_FORMATS, type ShippingField } from '../src/domain/courier-export-formats';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { expectOrdersSound } from './support/invariants';
import { startTestServer, type TestServer } from './support/server';

/**
 * 택배 송장 출력 through HTTP: every courier's file read back cell by cell, a split order as one
 * row per parcel, the file a courier's program returns uploaded as is through 송장 일괄 등록, and
 * the shop's own forms (CRUD, names, who may change them).
 */
let server: TestServer;
let session: Record<string, string>;
let socks: number;
const touched = new Set<number>();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type ErrorBody = { error: { code: string } };

const gangnam = { recipientName: '박둘', recipientPhone: '010-0987-6543', postcode: '06236', address1: '서울특별시 강남구 테헤란로 152', address2: '', deliveryNote: '경비실에 맡겨 주세요' };

/** Socks ×2 to 세종대로 (with a 배송 메모) and a custom T-shirt with an option to 테헤란로: two parcels, paid by card. */
async function splitOrder(): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '정하늘', phone: '010-4444-5555', guestPassword: '1234' },
    addresses: [seoulAddress({ deliveryNote: '문 앞에 놓아 주세요' }), gangnam],
    items: [
      { productId: socks, quantity: 2 },
      { custom: { name: '면 티셔츠', optionName: '블랙 / L', unitPrice: 20000 }, quantity: 1, addressIndex: 1 },
    ],
    payment: cardPayment(47000),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  touched.add(res.body.id);
  return res.body;
}

async function download(body: unknown, client: Record<string, string> = session): Promise<{ status: number; disposition: string | null; sheet: ExcelJS.Worksheet; bytes: Buffer }> {
  const res = await fetch(`${server.baseUrl}/api/v1/orders/shipping-export`, { method: 'POST', headers: { 'content-type': 'application/json', ...client }, body: JSON.stringify(body) });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) return { status: res.status, disposition: null, sheet: undefined as never, bytes };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { status: 200, disposition: res.headers.get('content-disposition'), sheet: workbook.worksheets[0]!, bytes };
}

async function upload(body: Buffer, query = ''): Promise<{ status: number; body: TrackingImportResult }> {
  const res = await fetch(`${server.baseUrl}/api/v1/tracking-imports${query}`, { method: 'POST', headers: { 'content-type': XLSX, ...session }, body });
  return { status: res.status, body: (await res.json()) as TrackingImportResult };
}

const cellsOf = (sheet: ExcelJS.Worksheet, r: number) => {
  const row = sheet.getRow(r);
  return Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null);
};

/** What each field of the split order's two parcels must read, left to right by address. */
function expectedParcels(o: OrderDetail): Array<Record<ShippingField, string | number | null>> {
  const [first, second] = [...o.shipmentGroups].sort((a, b) => a.id - b.id);
  const common = { orderNumber: o.orderNumber, ordererName: '정하늘', ordererPhone: '010-4444-5555', boxCount: 1, trackingNumber: null };
  return [
    {
      ...common, parcelId: String(first!.id), recipientName: '홍길동', recipientPhone: '010-1234-5678', postcode: '04524',
      address: '서울특별시 중구 세종대로 110 3층', addressRoad: '서울특별시 중구 세종대로 110', addressDetail: '3층', deliveryMemo: '문 앞에 놓아 주세요',
      items: '면 양말 x 2', productName: '면 양말', optionName: null, quantity: 2, itemNumber: String(o.items[0]!.id), orderedAt: null,
    },
    {
      ...common, parcelId: String(second!.id), recipientName: '박둘', recipientPhone: '010-0987-6543', postcode: '06236',
      address: '서울특별시 강남구 테헤란로 152', addressRoad: '서울특별시 강남구 테헤란로 152', addressDetail: null, deliveryMemo: '경비실에 맡겨 주세요',
      items: '면 티셔츠 / 블랙 / L x 1', productName: '면 티셔츠', optionName: '블랙 / L', quantity: 1, itemNumber: String(o.items[1]!.id), orderedAt: null,
    },
  ];
}

beforeAll(async () => {
  server = await startTestServer();
  socks = (await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 })).productId;
  session = await (await server.signIn(server.shop.ownerEmail, 'owner-password-1')).sessionHeaders();
});
afterAll(() => server.close());
afterEach(() => expectOrdersSound(server, touched));

describe('shipping export', () => {
  it('writes every courier’s form, one row per parcel, read back cell by cell', async () => {
    const o = await splitOrder();
    const parcels = expectedParcels(o);
    for (const code of COURIER_EXPORT_CODES) {
      const format = COURIER_EXPORT_FORMATS[code];
      const file = await download({ orderIds: [o.id], format: code });
      expect(file.status, code).toBe(200);
      expect(file.disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`송장출력_${format.ko}_`)}`);
      expect(cellsOf(file.sheet, 1), code).toEqual(format.columns.map((c) => c.header));
      expect(file.sheet.rowCount, code).toBe(3);
      for (const [i, parcel] of parcels.entries()) {
        expect(cellsOf(file.sheet, i + 2), `${code} row ${i + 2}`).toEqual(format.columns.map((c) => parcel[c.field]));
        // identifiers stay text: leading zeros of phones and postcodes survive Excel
        const postcode = file.sheet.getRow(i + 2).getCell(format.columns.findIndex((c) => c.field === 'postcode') + 1);
        expect([postcode.type, postcode.numFmt]).toEqual([ExcelJS.ValueType.String, '@']);
      }
    }
  });

  it('leaves out parcels that shipped or wait for an additional payment, and orders with nothing to ship', async () => {
    const o = await splitOrder();
    const shipped = o.shipmentGroups[0]!;
    for (const to of ['preparing', 'ready_to_ship', 'shipping'] as const) {
      const now = (await server.owner.get<OrderDetail>(`/api/v1/orders/${o.id}`)).body;
      const g = now.shipmentGroups.find((x) => x.items.some((u) => u.itemId === shipped.items[0]!.itemId))!;
      const res = await server.owner.post(`/api/v1/orders/${o.id}/status-changes`, {
        expectedVersion: now.version,
        changes: [{ shipmentGroupId: g.id, itemId: g.items[0]!.itemId, quantity: 2, to }],
        ...(to === 'shipping' ? { shipment: { courier: 'CJ', trackingNumber: '640000000100' } } : {}),
      });
      expect(res.status).toBe(200);
    }
    const file = await download({ orderIds: [o.id], format: 'HANJIN' });
    expect(file.sheet.rowCount).toBe(2);
    expect(cellsOf(file.sheet, 2)).toContain('박둘');
  });

  it('a file the courier’s program returns with tracking numbers ships exactly those parcels', async () => {
    const o = await splitOrder();
    const other = await splitOrder();
    const file = await download({ orderIds: [o.id, other.id], format: 'CJ', sort: { field: 'orderNumber', direction: 'asc' } });
    expect(file.sheet.rowCount).toBe(5);
    // the program adds 운송장번호 and fills the first three parcels; the fourth stays for tomorrow
    const trackingColumn = file.sheet.columnCount + 1;
    file.sheet.getRow(1).getCell(trackingColumn).value = '운송장번호';
    ['640000000201', '640000000202', '640000000203'].forEach((n, i) => (file.sheet.getRow(i + 2).getCell(trackingColumn).value = n));
    const returned = Buffer.from(await file.sheet.workbook.xlsx.writeBuffer());

    const res = await upload(returned);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r) => [r.row, r.outcome, r.courierCode, r.shippedQuantity])).toEqual([
      [2, 'applied', 'CJ', 2],
      [3, 'applied', 'CJ', 1],
      [4, 'applied', 'CJ', 2],
    ]);
    expect(res.body.totals).toMatchObject({ applied: 3, skipped: 1, parcels: 3, unitsShipped: 5 });
    const after = (await server.owner.get<OrderDetail>(`/api/v1/orders/${o.id}`)).body;
    expect(after.shipmentGroups.map((g) => [g.id, g.status, g.courier, g.trackingNumber]).sort()).toEqual(
      [...o.shipmentGroups].sort((a, b) => a.id - b.id).map((g, i) => [g.id, 'shipping', 'CJ', `64000000020${i + 1}`]).sort(),
    );
    const otherAfter = (await server.owner.get<OrderDetail>(`/api/v1/orders/${other.id}`)).body;
    expect(otherAfter.shipmentGroups.map((g) => [g.status, g.trackingNumber, g.items]).sort()).toEqual(
      [['shipping', '640000000203', [{ itemId: other.items[0]!.id, quantity: 2 }]], ['paid', null, [{ itemId: other.items[1]!.id, quantity: 1 }]]].sort(),
    );

    // uploaded again: nothing more happens
    const again = await upload(returned);
    expect(again.body.rows.map((r) => r.code)).toEqual(['TRACKING_ALREADY_SHIPPED', 'TRACKING_ALREADY_SHIPPED', 'TRACKING_ALREADY_SHIPPED']);
  });

  it('a courier’s own file (고객주문번호 and 운송장번호 only) takes the courier named with the upload', async () => {
    const o = await splitOrder();
    const [first, second] = [...o.shipmentGroups].sort((a, b) => a.id - b.id);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('결과');
    sheet.addRow(['운송장번호', '고객주문번호', '받는분']);
    sheet.addRow(['5012-3456-7890', String(second!.id), '박둘']);
    sheet.addRow(['5012-3456-7891', '99999999', '없음']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const unnamed = await upload(file);
    expect(unnamed.body.rows.map((r) => r.code)).toEqual(['TRACKING_COURIER_MISSING', 'TRACKING_PARCEL_NOT_FOUND']);
    expect((await upload(file, '?courier=DHL')).status).toBe(422);

    const res = await upload(file, `?courier=${encodeURIComponent('한진')}`);
    expect(res.body.rows.map((r) => [r.parcelNumber, r.outcome, r.code, r.courierCode])).toEqual([
      [String(second!.id), 'applied', null, 'HANJIN'],
      ['99999999', 'rejected', 'TRACKING_PARCEL_NOT_FOUND', 'HANJIN'],
    ]);
    const after = (await server.owner.get<OrderDetail>(`/api/v1/orders/${o.id}`)).body;
    expect(after.shipmentGroups.find((g) => g.id === second!.id)).toMatchObject({ status: 'shipping', courier: 'HANJIN', trackingNumber: '5012-3456-7890' });
    expect(after.shipmentGroups.find((g) => g.id === first!.id)).toMatchObject({ status: 'paid', trackingNumber: null });
  });
});

describe('shop shipping export forms', () => {
  const form = {
    name: '우리 창고 양식',
    itemLayout: 'row_per_item',
    columns: [
      { field: 'orderNumber', header: '주문' },
      { field: 'recipientName', header: '이름' },
      { field: 'productName', header: '상품' },
      { field: 'optionName', header: '옵션' },
      { field: 'quantity', header: '개수' },
      { field: 'parcelId', header: '배송그룹번호' },
    ],
  };

  it('saves a form by name, exports with it (a row per item), renames and deletes it', async () => {
    const created = await server.owner.post<ShippingExportForm>('/api/v1/shipping-export-forms', form);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '우리 창고 양식', itemLayout: 'row_per_item', columns: form.columns });

    const twin = await server.owner.post<ErrorBody>('/api/v1/shipping-export-forms', { ...form, columns: form.columns.slice(0, 2) });
    expect([twin.status, twin.body.error.code]).toEqual([409, 'SHIPPING_EXPORT_FORM_NAME_TAKEN']);

    const o = await splitOrder();
    const [first, second] = [...o.shipmentGroups].sort((a, b) => a.id - b.id);
    const file = await download({ orderIds: [o.id], formId: created.body.id });
    expect(file.disposition).toContain(encodeURIComponent('송장출력_우리 창고 양식_'));
    expect([1, 2, 3].map((r) => cellsOf(file.sheet, r))).toEqual([
      ['주문', '이름', '상품', '옵션', '개수', '배송그룹번호'],
      [o.orderNumber, '홍길동', '면 양말', null, 2, String(first!.id)],
      [o.orderNumber, '박둘', '면 티셔츠', '블랙 / L', 1, String(second!.id)],
    ]);

    const renamed = await server.owner.request<ShippingExportForm>('PATCH', `/api/v1/shipping-export-forms/${created.body.id}`, { name: '창고', itemLayout: 'merged' });
    expect(renamed.body).toMatchObject({ name: '창고', itemLayout: 'merged' });
    const listed = await server.owner.get<ShippingExportFormList>('/api/v1/shipping-export-forms');
    expect(listed.body.forms.map((f) => f.name)).toEqual(['창고']);
    const removed = await server.owner.request<ShippingExportFormList>('DELETE', `/api/v1/shipping-export-forms/${created.body.id}`);
    expect(removed.body.forms).toEqual([]);
    expect((await download({ orderIds: [o.id], formId: created.body.id })).status).toBe(404);
  });

  it('viewers read forms but neither change them nor export addresses (managers do); bad requests are refused with a code', async () => {
    const viewer = await server.addStaff('viewer');
    expect((await viewer.post<ErrorBody>('/api/v1/shipping-export-forms', { ...form, name: '뷰어' })).body.error.code).toBe('FORBIDDEN');
    expect((await viewer.get('/api/v1/shipping-export-forms')).status).toBe(200);
    const o = await splitOrder();
    // a courier file is recipients' names, phones and addresses: exporting personal data is a manager's
    expect((await download({ orderIds: [o.id], format: 'LOGEN' }, await viewer.sessionHeaders())).status).toBe(403);
    expect((await download({ orderIds: [o.id], format: 'LOGEN' }, await (await server.addStaff('staff')).sessionHeaders())).status).toBe(403);
    expect((await download({ orderIds: [o.id], format: 'LOGEN' }, await (await server.addStaff('manager')).sessionHeaders())).status).toBe(200);

    for (const body of [{ orderIds: [o.id] }, { orderIds: [o.id], format: 'DHL' }, { orderIds: [o.id], format: 'CJ', formId: 1 }, { format: 'CJ' }]) {
      expect((await download(body)).status, JSON.stringify(body)).toBe(400);
    }
    const dupHeaders = await server.owner.post<ErrorBody>('/api/v1/shipping-export-forms', { ...form, name: '중복', columns: [form.columns[0], form.columns[0]] });
    expect(dupHeaders.status).toBe(400);
  });
});

describe('order list columns', () => {
  it('shows the first address’s postcode, address (masked in the list, whole in a manager’s Excel with a reason) and 배송 메모', async () => {
    const o = await splitOrder();
    const list = await server.owner.get<OrderListResponse>(`/api/v1/orders?keyword=${o.orderNumber}`);
    expect(list.body.items[0]).toMatchObject({ recipientPostcode: '04524', recipientAddress: '서울특별시 중구 ***', deliveryMemo: '문 앞에 놓아 주세요' });
    const res = await fetch(`${server.baseUrl}/api/v1/exports/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...session },
      body: JSON.stringify({ orderIds: [o.id], columns: ['orderNumber', 'recipientPostcode', 'recipientAddress', 'deliveryMemo'], reason: '배송지 확인' }),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(cellsOf(sheet, 1).slice(0, 4)).toEqual(['주문번호', '우편번호', '주소', '배송 메모']);
    expect(cellsOf(sheet, 2).slice(0, 4)).toEqual([o.orderNumber, '04524', '서울특별시 중구 세종대로 110 3층', '문 앞에 놓아 주세요']);
  });
});
