import { and, eq, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_ORDER_SORT, type OrderSort } from '../../contracts/order-filter';
import { MAX_PRINT_ORDERS, type PrintSheetsRequest, type PrintSheetsResponse } from '../../contracts/print-sheets';
import { allows, type Principal } from '../auth/principal';
import { recordDownload } from '../excel/personal-export';
import { maskPrintSheetOrder } from '../orders/personal-masking';
import { queryRows, type Db } from '../db/client';
import { orders, shops } from '../db/schema/index';
import { AppError, type Lang } from '../http/errors';
import { whereOf } from '../order-list/queries';
import { orderByOf } from '../order-list/sort';
import { bigintArray } from '../order-list/sql-arrays';
import { loadOrderRowsOf } from '../orders/read-queries';
import { getView } from '../views/service';
import { toPrintSheetOrder } from './sheet-order';

/**
 * The chosen orders, in the list's sort when one is sent, else in the order chosen (duplicates
 * once). An id that is not an order of the caller's shop — another shop's, or none at all —
 * refuses the whole print with 404, naming the ids: a packer handed a short pile would not
 * notice the missing page.
 */
async function chosenIds(db: Db, shopId: number, orderIds: readonly number[], sort: OrderSort | undefined): Promise<number[]> {
  const ids = [...new Set(orderIds)];
  if (ids.length > MAX_PRINT_ORDERS) throw new AppError('PRINT_TOO_MANY_ORDERS', { limit: MAX_PRINT_ORDERS, matched: ids.length });
  const found = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), sql`${orders.id} = any(${bigintArray(ids)})`))
    .orderBy(sort ? orderByOf(sort) : orders.id);
  const known = new Set(found.map((r) => r.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) throw new AppError('ORDER_NOT_FOUND', { orderIds: missing });
  return sort ? found.map((r) => r.id) : ids;
}

/**
 * The ids matching a tab's conditions, in its sort, at most MAX_PRINT_ORDERS; one more than that
 * refuses the print with the number that matched, so the screen can say how far to narrow. The
 * condition is the list's own (whereOf), the period a second whereOf ANDed on, as the export does.
 */
async function matchingIds(db: Db, principal: Principal, body: PrintSheetsRequest, now: Date): Promise<number[]> {
  const view = body.viewId === undefined ? null : await getView(db, principal, body.viewId);
  const filter = body.filter ?? view?.filter ?? {};
  const sort = body.sort ?? view?.sort ?? DEFAULT_ORDER_SORT;
  const where = and(whereOf(principal.shopId, filter, now), body.period ? whereOf(principal.shopId, { period: body.period }, now) : undefined) as SQL;
  const rows = await db.select({ id: orders.id }).from(orders).where(where).orderBy(orderByOf(sort)).limit(MAX_PRINT_ORDERS + 1);
  if (rows.length > MAX_PRINT_ORDERS) {
    const [count] = await queryRows<{ n: unknown }>(db, sql`select count(*) as n from ${orders} where ${where}`);
    throw new AppError('PRINT_TOO_MANY_ORDERS', { limit: MAX_PRINT_ORDERS, matched: Number(count?.n ?? rows.length) });
  }
  return rows.map((r) => r.id);
}

/** What the 주문서 and 거래명세서 of a selection print: the shop's name, 고객센터 and 사업자 정보, a page per order. */
export async function readPrintSheets(db: Db, principal: Principal, body: PrintSheetsRequest, lang: Lang, now: Date, clientAddress: string): Promise<PrintSheetsResponse> {
  const ids = body.orderIds ? await chosenIds(db, principal.shopId, body.orderIds, body.sort) : await matchingIds(db, principal, body, now);
  const [shop] = await db
    .select({
      name: shops.name,
      csPhone: shops.csPhone,
      csEmail: shops.csEmail,
      businessName: shops.businessName,
      representativeName: shops.representativeName,
      businessNumber: shops.businessNumber,
      businessAddress: shops.businessAddress,
    })
    .from(shops).where(eq(shops.id, principal.shopId));
  if (!shop) throw new AppError('NOT_FOUND');
  const rows = await loadOrderRowsOf(db, principal.shopId, ids);
  // a packing list needs the addresses themselves: shown to those who may see personal data, recorded
  const shown = allows(principal, 'personal.view');
  const { orderIds: chosen, ...selection } = body;
  await recordDownload(db, principal, {
    file: 'print_sheets',
    fileName: lang === 'ko' ? '주문서·거래명세서' : 'print sheets',
    orderIds: ids,
    clientAddress,
    personal: shown ? { fields: ['name', 'phone', 'email', 'address'], reason: '출력' } : null,
    selection: { ...selection, ...(chosen ? { chosen: chosen.length } : {}) },
  });
  return {
    shop,
    printedAt: now.toISOString(),
    // an order that vanished between the two reads is left out (orders are not deleted today)
    orders: ids.flatMap((id) => {
      const r = rows.get(id);
      if (!r) return [];
      const order = toPrintSheetOrder(r, lang);
      return [shown ? order : maskPrintSheetOrder(order)];
    }),
  };
}
