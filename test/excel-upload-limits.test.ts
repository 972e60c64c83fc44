import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TrackingImportResult } from '../src/contracts/excel';
import type { OrderDetail } from '../src/contracts/orders';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { expectOrdersSound } from './support/invariants';
import { startTestServer, type TestServer } from './support/server';
import { until } from './support/until';
import { rowXml, sharedStringsXml, sheetXml, workbookOf } from './support/xlsx-zip';

/**
 * 송장 일괄 등록 against hostile and heavy files — zip bombs, too many rows, a file that takes a
 * while to read — and an Idempotency-Key bound to the file. Files are zipped by hand (see
 * support/xlsx-zip.ts), with the parts in the order Excel writes them.
 */
let server: TestServer;
let shirt: number;
const touched = new Set<number>();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['주문번호', '송장번호', '택배사'];
const MB = 1024 * 1024;
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
/** Uploads as the shop's API key, or as whoever `headers.cookie` signs in. */
async function upload<T = TrackingImportResult>(file: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: T }> {
  const auth: Record<string, string> = headers.cookie ? {} : { authorization: `Bearer ${server.shop.apiKey}` };
  const res = await fetch(`${server.baseUrl}/api/v1/tracking-imports`, { method: 'POST', headers: { 'content-type': XLSX, ...auth, ...headers }, body: file });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

/** An order of one shirt, moved to 배송대기. */
async function readyOrder(): Promise<OrderDetail> {
  const placed = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '한바다', phone: '010-2222-3333', guestPassword: '1234' },
    addresses: [seoulAddress()],
    items: [{ productId: shirt, quantity: 1 }],
    payment: cardPayment(42000),
  });
  let o = placed.body;
  touched.add(o.id);
  for (const to of ['preparing', 'ready_to_ship']) {
    const changes = o.shipmentGroups.flatMap((g) => g.items.map((u) => ({ shipmentGroupId: g.id, itemId: u.itemId, quantity: u.quantity, to })));
    o = (await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${o.id}/status-changes`, { expectedVersion: o.version, changes })).body.order;
  }
  expect(o.orderStatus).toBe('ready_to_ship');
  return o;
}

const detail = async (id: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${id}`)).body;
const verdicts = (result: TrackingImportResult) => result.rows.map((r) => [r.row, r.outcome, r.code]);
/** A sheet of the header and one row per [order number, tracking number]. */
const sheetOfRows = (rows: Array<[string, string]>) => sheetXml([rowXml(1, HEADER), ...rows.map(([o, t], i) => rowXml(i + 2, [o, t, 'CJ대한통운']))].join(''));
/** `size` bytes of one letter inside an element: what a zip bomb inflates to. */
const filler = (before: string, size: number, after: string) => Buffer.concat([Buffer.from(before), Buffer.alloc(size, 'x'), Buffer.from(after)]);

beforeAll(async () => {
  server = await startTestServer();
  shirt = (await addProduct(server.database.db, server.shop.shopId, { name: '린넨 셔츠', price: 39000 })).productId;
});
afterAll(() => server.close());
afterEach(() => expectOrdersSound(server, touched));

describe('tracking-number upload: what the file may cost', () => {
  it('refuses a zip bomb with 413 EXCEL_FILE_TOO_LARGE whatever sizes its entries declare, in a sheet or in the shared strings', async () => {
    const header = rowXml(1, HEADER);
    const inSheet = workbookOf([filler(`<worksheet><sheetData>${header}<row r="2"><c r="A2" t="inlineStr"><is><t>`, 60 * MB, '</t></is></c></row></sheetData></worksheet>')], { declaredSizes: 1000 });
    const inStrings = workbookOf([sheetXml(header)], { sharedStrings: filler('<sst><si><t>', 60 * MB, '</t></si></sst>'), declaredSizes: 1000 });
    for (const bomb of [inSheet, inStrings]) {
      expect(bomb.length).toBeLessThan(MB);
      const res = await upload<ErrorBody>(bomb, { 'accept-language': 'en' });
      expect([res.status, res.body.error.code, res.body.error.details]).toEqual([413, 'EXCEL_FILE_TOO_LARGE', { maxUncompressedBytes: 50 * MB }]);
      expect(res.body.error.message).toContain('50 MB');
    }
    // the same parts a little under the budget are read
    const justUnder = workbookOf([sheetXml(header)], { sharedStrings: filler('<sst><si><t>', 45 * MB, '</t></si></sst>') });
    const read = await upload(justUnder);
    expect([read.status, read.body.rows]).toEqual([200, []]);
  });

  it('refuses a sheet at the first row past 2,000 without reading on', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => rowXml(i + 2, [`X-${i}`, `7${String(i).padStart(11, '0')}`, 'CJ'])).join('');
    // what follows the rows is not XML: read, it fails the file
    const garbage = '<row r="9999"><c r="A9999"><v>1</v></c><!DOCTYPE boom [<!ENTITY a "b">]>';
    const tooMany = await upload<ErrorBody>(workbookOf([sheetXml(rowXml(1, HEADER) + rows(2001) + garbage)]));
    expect([tooMany.status, tooMany.body.error.code, tooMany.body.error.details]).toEqual([422, 'EXCEL_TOO_MANY_ROWS', { max: 2000, rows: 2001 }]);
    const readToTheEnd = await upload<ErrorBody>(workbookOf([sheetXml(rowXml(1, HEADER) + rows(1999) + garbage)]));
    expect([readToTheEnd.status, readToTheEnd.body.error.code]).toEqual([400, 'EXCEL_FILE_INVALID']);
  });

  it('keeps answering other requests while a large file is being read', async () => {
    // ~9 MB of shared strings, stored rather than deflated (so all the server does with them is
    // read them): legal, and a while to read; the one row names no order, so little follows
    const strings = [...HEADER, 'NOPE-1', '640000000101', 'CJ대한통운', ...Array.from({ length: 330_000 }, (_, i) => `메모 ${i}`)];
    const cell = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
    const sheet = sheetXml(`<row r="1">${cell('A1', 0)}${cell('B1', 1)}${cell('C1', 2)}</row><row r="2">${cell('A2', 3)}${cell('B2', 4)}${cell('C2', 5)}</row>`);
    const file = workbookOf([sheet], { sharedStrings: sharedStringsXml(strings), stored: true });
    expect(file.length).toBeGreaterThan(8 * MB);
    // the body goes out in 64 KB pieces; once the last one is handed over, the server has the file
    let offset = 0;
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= file.length) {
          sent = true;
          controller.close();
          return;
        }
        controller.enqueue(file.subarray(offset, (offset += 64 * 1024)));
      },
    });
    let answered = false;
    const uploading = fetch(`${server.baseUrl}/api/v1/tracking-imports`, {
      method: 'POST',
      headers: { 'content-type': XLSX, authorization: `Bearer ${server.shop.apiKey}` },
      body,
      duplex: 'half',
    } as RequestInit).then(async (res) => {
      answered = true;
      return { status: res.status, body: (await res.json()) as TrackingImportResult };
    });
    await until('the whole file to be sent', async () => sent);
    // one health check after the other until the upload answers: read in one go, it would hold
    // them all up, and only the few sent before or after the reading would be answered
    let healthChecks = 0;
    while (!answered) {
      const health = await fetch(`${server.baseUrl}/api/health`);
      expect(health.status).toBe(200);
      if (!answered) healthChecks += 1;
    }
    const res = await uploading;
    expect([res.status, verdicts(res.body)]).toEqual([200, [[2, 'rejected', 'TRACKING_ORDER_NOT_FOUND']]]);
    expect(healthChecks).toBeGreaterThanOrEqual(20);
  });
});

describe('tracking-number upload: one Idempotency-Key, one file', () => {
  it('replays the first outcome for the same bytes, refuses another file with 422 IDEMPOTENCY_KEY_REUSED, per caller', async () => {
    const [a, b] = [await readyOrder(), await readyOrder()];
    const fileA = workbookOf([sheetOfRows([[a.orderNumber, '680000000001']])]);
    const fileB = workbookOf([sheetOfRows([[b.orderNumber, '680000000002']])]);
    const first = await upload(fileA, { 'idempotency-key': 'same-key' });
    expect(verdicts(first.body)).toEqual([[2, 'applied', null]]);
    const shippedA = await detail(a.id);

    const other = await upload<ErrorBody>(fileB, { 'idempotency-key': 'same-key' });
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await detail(b.id)).toMatchObject({ version: b.version, orderStatus: 'ready_to_ship' });

    const again = await upload(fileA, { 'idempotency-key': 'same-key' });
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
    expect(again.body).toEqual(first.body);
    expect(await detail(a.id)).toEqual(shippedA);

    // keys are per caller: a member of staff may pick the same key for another file
    const session = await server.owner.sessionHeaders();
    const byOwner = await upload(fileB, { 'idempotency-key': 'same-key', ...session });
    expect([byOwner.status, byOwner.headers.get('idempotent-replayed'), verdicts(byOwner.body)]).toEqual([200, null, [[2, 'applied', null]]]);
    expect((await detail(b.id)).orderStatus).toBe('shipping');
  });

  it('stores nothing for a file it refused: the key stays free for a corrected file', async () => {
    const o = await readyOrder();
    const broken = await upload<ErrorBody>(workbookOf([sheetXml(rowXml(1, ['주문번호', '택배사']))]), { 'idempotency-key': 'fix-and-retry' });
    expect([broken.status, broken.body.error.code]).toEqual([400, 'EXCEL_HEADER_MISSING']);
    const fixed = await upload(workbookOf([sheetOfRows([[o.orderNumber, '680000000003']])]), { 'idempotency-key': 'fix-and-retry' });
    expect([fixed.status, verdicts(fixed.body)]).toEqual([200, [[2, 'applied', null]]]);
  });
});

describe('tracking-number upload: files as Excel writes them', () => {
  it('reads shared strings stored after the sheet, an order number merged over rows, and a header on a later sheet', async () => {
    const [a, b] = [await readyOrder(), await readyOrder()];
    const strings = ['메모', ...HEADER, a.orderNumber, 'CJ대한통운', b.orderNumber];
    const s = (ref: string, text: string) => `<c r="${ref}" t="s"><v>${strings.indexOf(text)}</v></c>`;
    const n = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;
    // no header in its first 10 rows: the sheet is left there (what follows would fail the file)
    const notes = sheetXml(Array.from({ length: 12 }, (_, i) => rowXml(i + 1, [`메모 ${i}`])).join('') + '<!DOCTYPE boom>');
    // a title row, the header on row 2; a's order number merged over rows 3-4 (row 4 repeats row 3's
    // parcel, and is answered as a duplicate of it); tracking numbers typed as numbers
    const orders = sheetXml(
      `<row r="1">${s('A1', '메모')}</row><row r="2">${s('A2', '주문번호')}${s('B2', '송장번호')}${s('C2', '택배사')}</row>` +
        `<row r="3">${s('A3', a.orderNumber)}${n('B3', 690000000001)}${s('C3', 'CJ대한통운')}</row>` +
        `<row r="4"><c r="A4"/>${n('B4', 690000000001)}${s('C4', 'CJ대한통운')}</row>` +
        `<row r="5">${s('A5', b.orderNumber)}${n('B5', 690000000002)}${s('C5', 'CJ대한통운')}</row>`,
      '<mergeCells count="1"><mergeCell ref="A3:A4"/></mergeCells>',
    );
    const res = await upload(workbookOf([notes, orders], { sharedStrings: sharedStringsXml(strings) }));
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r) => [r.row, r.orderNumber, r.trackingNumber, r.outcome, r.code])).toEqual([
      [3, a.orderNumber, '690000000001', 'applied', null],
      [4, a.orderNumber, '690000000001', 'rejected', 'TRACKING_DUPLICATE_ROW'],
      [5, b.orderNumber, '690000000002', 'applied', null],
    ]);
  });
});
