import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql, type Database } from '../src/server/db/client';
import { orders } from '../src/server/db/schema/index';
import { readPageAt } from '../src/server/excel/export-page';
import { SheetWriter } from '../src/server/excel/sheet-writer';
import { CELL_STYLES, type CellKind, type CellValue, type ExportItem } from '../src/server/excel/workbook-columns';
import { XlsxWorkbook } from '../src/server/excel/xlsx-workbook';
import { LIST_ROW_COLUMNS, toListItems, type ListRow } from '../src/server/order-list/rows';
import { bigintArray } from '../src/server/order-list/sql-arrays';
import { seedOrders } from '../src/server/seed/seed';
import { createShop } from '../src/server/shops/service';
import { openTestDatabase } from './support/database';

/**
 * The export's own page read (four JSON texts, made into rows in the worker) and its own sheet
 * writer, each against what they replaced: the list's row mapping over the list's queries and the
 * per-item query of units and parcels; and exceljs writing the same cells.
 */
let database: Database;
let shopId: number;
let ids: number[];
const now = new Date();

beforeAll(async () => {
  database = await openTestDatabase();
  const shop = await createShop(database.db, { name: '페이지샵', ownerEmail: `page${Date.now()}@test.kr`, ownerName: '김주인', ownerPassword: 'owner-password-1' });
  shopId = shop.shopId;
  await seedOrders(database.db, { shopId, orders: 150, seed: 11, now });
  const rows = await queryRows<{ id: number | string }>(database.db, sql`select id from orders where shop_id = ${shopId} order by ordered_at desc, id desc`);
  ids = rows.map((r) => Number(r.id));
});
afterAll(() => database.close());

/** The list's rows of `ids` in their order (drizzle, as the list reads them). */
async function listRows(page: readonly number[]): Promise<ListRow[]> {
  const rows = await database.db.select(LIST_ROW_COLUMNS).from(orders).where(sql`${orders.shopId} = ${shopId} and ${orders.id} = any(${bigintArray([...page])})`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return page.flatMap((id) => byId.get(id) ?? []);
}

/** The items as the export read them before: per item, its units by status and its first tracked parcel. */
async function itemsBefore(page: readonly number[]): Promise<Map<number, ExportItem[]>> {
  const rows = await queryRows<Record<string, unknown>>(database.db, sql`
    select i.order_id, i.id, i.product_name, i.option_name, i.quantity, i.unit_price,
      (select json_agg(json_build_array(u.status, u.quantity)) from (
         select g.status, gi.quantity from shipment_group_items gi join shipment_groups g on g.shop_id = gi.shop_id and g.id = gi.shipment_group_id
         where gi.shop_id = i.shop_id and gi.item_id = i.id
         union all
         select c.status, ci.quantity from claim_items ci join claims c on c.shop_id = ci.shop_id and c.id = ci.claim_id
         where ci.shop_id = i.shop_id and ci.item_id = i.id) u)::text as units,
      p.courier, p.tracking_number
    from order_items i
    left join lateral (
      select g.courier, g.tracking_number from shipment_group_items gi join shipment_groups g on g.shop_id = gi.shop_id and g.id = gi.shipment_group_id
      where gi.shop_id = i.shop_id and gi.item_id = i.id and g.tracking_number is not null order by g.id limit 1) p on true
    where i.shop_id = ${shopId} and i.order_id = any(${bigintArray([...page])})
    order by i.position, i.id`);
  const byOrder = new Map<number, ExportItem[]>();
  for (const r of rows) {
    const units = (JSON.parse((r.units as string | null) ?? '[]') as Array<[ExportItem['units'][number]['status'], number]>).map(([status, quantity]) => ({ status, quantity }));
    const item: ExportItem = {
      id: Number(r.id),
      productName: r.product_name as string,
      optionName: r.option_name as string | null,
      quantity: Number(r.quantity),
      unitPrice: Number(r.unit_price),
      units,
      courier: r.courier as string | null,
      trackingNumber: r.tracking_number as string | null,
    };
    byOrder.set(Number(r.order_id), [...(byOrder.get(Number(r.order_id)) ?? []), item]);
  }
  return byOrder;
}

/** Units in a fixed order: which holder listed them first does not matter to the file. */
const sortedUnits = (items: Map<number, ExportItem[]>) =>
  new Map([...items].map(([id, list]) => [id, list.map((i) => ({ ...i, units: [...i.units].sort((a, b) => a.status.localeCompare(b.status) || a.quantity - b.quantity) }))]));

describe('the export page read', () => {
  it('answers what the list shows and the items as read per item before, masked and shown, in both languages', async () => {
    const [shipped] = await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from shipment_groups where shop_id = ${shopId} and tracking_number is not null`);
    const [claimed] = await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from claim_items where shop_id = ${shopId}`);
    const [moved] = await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from (select order_id from order_addresses where shop_id = ${shopId} group by order_id having count(*) > 1) m`);
    // the seed gives the cases the read must get right: parcels with tracking, claims, several addresses
    expect([Number(shipped?.n), Number(claimed?.n), Number(moved?.n)].every((n) => n > 0)).toBe(true);

    for (const page of [ids.slice(0, 60), ids.slice(60)]) {
      const rows = await listRows(page);
      const before = sortedUnits(await itemsBefore(page));
      for (const lang of ['ko', 'en'] as const) {
        for (const personal of ['masked', 'shown'] as const) {
          const read = await readPageAt(database.db, shopId, page, lang, now, personal);
          expect(read.orders).toEqual(await toListItems(database.db, shopId, rows, lang, now, personal));
          expect(sortedUnits(read.items)).toEqual(before);
        }
      }
    }
  });

  it('leaves out an order that no longer exists and answers nothing for no ids', async () => {
    const read = await readPageAt(database.db, shopId, [ids[0]!, 987_654_321, ids[1]!], 'ko', now, 'masked');
    expect(read.orders.map((o) => o.id)).toEqual([ids[0], ids[1]]);
    expect(await readPageAt(database.db, shopId, [], 'ko', now, 'masked')).toEqual({ orders: [], items: new Map() });
  });
});

const KINDS: CellKind[] = ['text', 'money', 'count', 'time', 'text'];
const HEADERS = ['주문번호', '결제금액', '수량', '주문일시', 'Memo <&>'];
const VALUES: CellValue[][] = [
  ['0012345', 28_900, 1, '2026-12-06 14:27', '메모 "따옴표" & <꺾쇠> \'홑\''],
  ['', 0, 0, null, null],
  [null, -1500, 1_234_567_890_123, '', 'control\u0001 char\ttab\nnewline 🎁'],
  ['A-1', 0.5, null, '2026-01-01 00:00', '   spaces   '],
];

async function bytesOf(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}

/** Every cell: [type, value, number format, bold], by row. */
async function cellsOf(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push([cell.type, cell.value, cell.numFmt, cell.font?.bold ?? false]));
    rows.push(cells);
  });
  return rows;
}

describe('the sheet writer', () => {
  it('writes the cells exceljs wrote: text, numbers and blanks with their column formats, a bold header', async () => {
    const ours = await bytesOf(async (out) => {
      const sheet = await SheetWriter.start(out, { sheetName: '주문목록', columns: HEADERS.map((header, i) => ({ header, width: 12, kind: KINDS[i]! })), level: 1 });
      for (const row of VALUES) sheet.row(row);
      await sheet.finish();
    });
    const theirs = await bytesOf(async (out) => {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
      const sheet = workbook.addWorksheet('주문목록', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = HEADERS.map((header, i) => ({ header, key: `c${i}`, width: 12, style: CELL_STYLES[KINDS[i]!] }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for (const values of VALUES) {
        const row = sheet.addRow(values);
        KINDS.forEach((kind, i) => {
          row.getCell(i + 1).style = CELL_STYLES[kind];
        });
        row.commit();
      }
      await workbook.commit();
    });
    expect(await cellsOf(ours)).toEqual(await cellsOf(theirs));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(ours as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect([sheet.name, sheet.views[0]?.state, sheet.getColumn(1).width]).toEqual(['주문목록', 'frozen', 12]);
  });

  it('is read by the server’s own .xlsx reader, the one uploads go through', async () => {
    const bytes = await bytesOf(async (out) => {
      const sheet = await SheetWriter.start(out, { sheetName: 'Orders', columns: HEADERS.map((header, i) => ({ header, width: 12, kind: KINDS[i]! })), level: 6 });
      for (let r = 0; r < 3000; r++) sheet.row([`N-${r}`, r * 100, r, null, `메모 ${r}`]);
      await sheet.finish();
    });
    const workbook = await XlsxWorkbook.open(bytes, 64 * 1024 * 1024);
    const seen: unknown[][] = [];
    await workbook.readSheet(workbook.sheets[0]!, (row) => {
      seen.push([1, 2, 3, 4, 5].map((col) => row.valueAt(col)));
      return true;
    });
    expect(seen.length).toBe(3001);
    expect(seen[0]).toEqual(HEADERS);
    expect(seen[3000]).toEqual(['N-2999', 299_900, 2999, null, '메모 2999']);
  });
});
