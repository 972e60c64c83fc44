import { and, asc, desc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { myOrderListSchema } from '../../contracts/my';
import { unitsPerStatus } from '../../domain/buyer-actions';
import { qualifiedStatusLabel, type UnitStatus } from '../../domain/status';
import { readSnapshot, type Executor } from '../db/client';
import {
  claimItems,
  claims,
  orderItems,
  orders,
  paymentRequests,
  productOptions,
  products,
  refunds,
  shipmentGroupItems,
  shipmentGroups,
  shops,
  timelineEvents,
} from '../db/schema/index';
import { AppError, type Lang } from '../http/errors';
import { inIds } from '../order-list/sql-arrays';
import { loadOrderRows, type OrderRows } from '../orders/read-queries';
import { policyOfOrder } from '../shops/policy';
import { findBuyerOrder } from './order-access';
import type { BuyerPrincipal } from './principal';

type MyOrderList = z.infer<typeof myOrderListSchema>;

/** The orders a buyer reaches: a member's own (by member record), a guest's one. */
const ownedBy = (buyer: BuyerPrincipal): SQL | undefined =>
  and(eq(orders.shopId, buyer.shopId), buyer.buyer === 'member' ? eq(orders.customerId, buyer.customerId) : eq(orders.id, buyer.orderId));

// The cursor names the last order of the page by id; the next page starts after its (ordered_at,
// id) read back from the row, exact to the microsecond, so no timestamp passes through JSON.
const encodeCursor = (orderId: number) => Buffer.from(JSON.stringify({ o: orderId })).toString('base64url');

function decodeCursor(value: string): number {
  let body: { o?: unknown } = {};
  try {
    body = JSON.parse(Buffer.from(value, 'base64url').toString()) as typeof body;
  } catch {
    // falls through to the refusal below
  }
  if (typeof body.o !== 'number' || !Number.isSafeInteger(body.o) || body.o <= 0) {
    throw new AppError('VALIDATION_FAILED', { field: 'cursor', reason: 'not a cursor of the order list' });
  }
  return body.o;
}

/** What a summary of the first item reads in the reader's language: "린넨 셔츠 외 2건". */
function itemSummaryOf(names: readonly string[], lang: Lang): string {
  const [first = '', ...rest] = names;
  if (rest.length === 0) return first;
  return lang === 'ko' ? `${first} 외 ${rest.length}건` : `${first} and ${rest.length} more`;
}

/**
 * A buyer's orders, newest first (ordered_at desc, id desc), a page at a time. Served by
 * orders_customer_idx (shop_id, customer_id): a member's orders are read by their member record
 * and sorted; a guest has one order. The page's unit counts, first items and open payment requests
 * come from one query each, in one snapshot with the page.
 */
export async function listBuyerOrders(db: Executor, buyer: BuyerPrincipal, query: { limit: number; cursor?: string | undefined }, lang: Lang, now: Date): Promise<MyOrderList> {
  const afterId = query.cursor === undefined ? null : decodeCursor(query.cursor);
  return readSnapshot(db, async (tx) => {
    const conditions = [ownedBy(buyer)];
    if (afterId !== null) {
      // an id that is not one of the buyer's orders finds no row: the comparison with NULL is never true
      conditions.push(
        sql`(${orders.orderedAt}, ${orders.id}) < (select a.ordered_at, a.id from orders a where a.shop_id = ${buyer.shopId} and a.id = ${afterId} and ${
          buyer.buyer === 'member' ? sql`a.customer_id = ${buyer.customerId}` : sql`a.id = ${buyer.orderId}`
        })`,
      );
    }
    const rows = await tx
      .select({ id: orders.id, orderNumber: orders.orderNumber, orderedAt: orders.orderedAt, totalAmount: orders.totalAmount, balanceDue: orders.balanceDue })
      .from(orders)
      .where(and(...conditions))
      .orderBy(desc(orders.orderedAt), desc(orders.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const ids = page.map((o) => o.id);
    const details = ids.length === 0 ? null : await pageDetails(tx, buyer.shopId, ids, now);
    const last = page[page.length - 1];
    return {
      orders: page.map((o) => {
        const names = details?.items.filter((i) => i.orderId === o.id).map((i) => i.productName) ?? [];
        const units = details?.units.filter((u) => u.orderId === o.id) ?? [];
        return {
          orderNumber: o.orderNumber,
          orderedAt: o.orderedAt.toISOString(),
          itemSummary: itemSummaryOf(names, lang),
          itemCount: names.length,
          totalAmount: o.totalAmount,
          balanceDue: o.balanceDue,
          statuses: unitsPerStatus(units).map((s) => ({ status: s.status, statusLabel: qualifiedStatusLabel(s.status, lang), quantity: s.quantity })),
          openPaymentRequests: details?.openRequests.get(o.id) ?? 0,
        };
      }),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
    };
  });
}

/** Unit counts per status, item names and open payment requests of a page of orders. */
async function pageDetails(tx: Executor, shopId: number, ids: readonly number[], now: Date) {
  // sequential: one connection inside the snapshot's transaction
  const inGroups = await tx
    .select({ orderId: shipmentGroupItems.orderId, status: shipmentGroups.status, quantity: sql<string | number>`sum(${shipmentGroupItems.quantity})` })
    .from(shipmentGroupItems)
    .innerJoin(shipmentGroups, and(eq(shipmentGroups.shopId, shipmentGroupItems.shopId), eq(shipmentGroups.id, shipmentGroupItems.shipmentGroupId)))
    .where(and(eq(shipmentGroupItems.shopId, shopId), inIds(shipmentGroupItems.orderId, ids)))
    .groupBy(shipmentGroupItems.orderId, shipmentGroups.status);
  const inClaims = await tx
    .select({ orderId: claimItems.orderId, status: claims.status, quantity: sql<string | number>`sum(${claimItems.quantity})` })
    .from(claimItems)
    .innerJoin(claims, and(eq(claims.shopId, claimItems.shopId), eq(claims.id, claimItems.claimId)))
    .where(and(eq(claimItems.shopId, shopId), inIds(claimItems.orderId, ids)))
    .groupBy(claimItems.orderId, claims.status);
  const items = await tx
    .select({ orderId: orderItems.orderId, productName: orderItems.productName })
    .from(orderItems)
    .where(and(eq(orderItems.shopId, shopId), inIds(orderItems.orderId, ids)))
    .orderBy(asc(orderItems.orderId), asc(orderItems.position), asc(orderItems.id));
  const requests = await tx
    .select({ orderId: paymentRequests.orderId, count: sql<string | number>`count(*)` })
    .from(paymentRequests)
    .where(and(eq(paymentRequests.shopId, shopId), inIds(paymentRequests.orderId, ids), eq(paymentRequests.status, 'pending'), or(isNull(paymentRequests.dueAt), gt(paymentRequests.dueAt, now))))
    .groupBy(paymentRequests.orderId);
  // sums and counts are numbers on PGlite and strings on pg
  const units = [...inGroups, ...inClaims].map((u) => ({ orderId: u.orderId, status: u.status as UnitStatus, quantity: Number(u.quantity) }));
  return { units, items, openRequests: new Map(requests.map((r) => [r.orderId, Number(r.count)])) };
}

export type RefundRow = typeof refunds.$inferSelect;
export type PaymentRequestRow = typeof paymentRequests.$inferSelect;
export type TimelineRow = typeof timelineEvents.$inferSelect;
export interface ShopContact {
  name: string;
  csPhone: string | null;
  csEmail: string | null;
  businessName: string | null;
  representativeName: string | null;
  businessNumber: string | null;
  mailOrderNumber: string | null;
  businessAddress: string | null;
  bankAccounts: Array<{ bank: string; accountNumber: string; holder: string }>;
  buyerInstantCancel: boolean;
}
/** An option of a product the order holds, with the price it sells at now (product price + 추가금). */
export interface ProductOptionRow {
  id: number;
  productId: number;
  name: string;
  price: number;
  stock: number | null;
  active: boolean;
}

export interface BuyerOrderData {
  rows: OrderRows;
  refunds: RefundRow[];
  requests: PaymentRequestRow[];
  /** Buyer-visible events only, newest first. */
  events: TimelineRow[];
  shop: ShopContact;
  /** Days after delivery the buyer may ask for a return: the order's own policy, not today's. */
  returnWindowDays: number;
  options: ProductOptionRow[];
}

/**
 * Everything the buyer's order page shows, in one snapshot, found through the buyer's own access
 * rule (404 for anything not theirs). Timeline rows are read with buyer_visible = true in the
 * query itself, so a staff-only event never leaves the database for this page; memos are not read.
 */
export async function loadBuyerOrder(db: Executor, buyer: BuyerPrincipal, orderNumber: string): Promise<BuyerOrderData> {
  return readSnapshot(db, async (tx) => {
    const order = await findBuyerOrder(tx, buyer, orderNumber);
    const shopId = buyer.shopId;
    const rows = await loadOrderRows(tx, shopId, order.id);
    if (!rows) throw new AppError('ORDER_NOT_FOUND', { orderNumber });
    const refundRows = await tx.select().from(refunds).where(and(eq(refunds.shopId, shopId), eq(refunds.orderId, order.id))).orderBy(desc(refunds.id));
    const requests = await tx
      .select()
      .from(paymentRequests)
      .where(and(eq(paymentRequests.shopId, shopId), eq(paymentRequests.orderId, order.id)))
      .orderBy(desc(paymentRequests.id));
    const events = await tx
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.shopId, shopId), eq(timelineEvents.orderId, order.id), eq(timelineEvents.buyerVisible, true)))
      .orderBy(desc(timelineEvents.id));
    const [shop] = await tx
      .select({
        name: shops.name,
        csPhone: shops.csPhone,
        csEmail: shops.csEmail,
        businessName: shops.businessName,
        representativeName: shops.representativeName,
        businessNumber: shops.businessNumber,
        mailOrderNumber: shops.mailOrderNumber,
        businessAddress: shops.businessAddress,
        bankAccounts: shops.bankAccounts,
        buyerInstantCancel: shops.buyerInstantCancel,
      })
      .from(shops)
      .where(eq(shops.id, shopId));
    if (!shop) throw new AppError('ORDER_NOT_FOUND', { orderNumber });
    const { returnWindowDays } = await policyOfOrder(tx, shopId, order.id);
    return { rows, refunds: refundRows, requests, events, shop, returnWindowDays, options: await optionsOf(tx, shopId, rows) };
  });
}

/** The options of the products the order holds: the choices of an exchange. */
async function optionsOf(tx: Executor, shopId: number, rows: OrderRows): Promise<ProductOptionRow[]> {
  const productIds = [...new Set(rows.items.flatMap((i) => (i.productId === null ? [] : [i.productId])))];
  if (productIds.length === 0) return [];
  const found = await tx
    .select({ option: productOptions, productPrice: products.price, productStatus: products.status })
    .from(productOptions)
    .innerJoin(products, and(eq(products.shopId, productOptions.shopId), eq(products.id, productOptions.productId)))
    .where(and(eq(productOptions.shopId, shopId), inIds(productOptions.productId, productIds)))
    .orderBy(asc(productOptions.productId), asc(productOptions.position), asc(productOptions.id));
  return found.map(({ option, productPrice, productStatus }) => ({
    id: option.id,
    productId: option.productId,
    name: option.name,
    price: productPrice + option.extraPrice,
    stock: option.stock,
    // a deactivated product is kept for past orders only; a hidden one is still sold, just not listed
    active: option.status === 'active' && productStatus !== 'inactive',
  }));
}
