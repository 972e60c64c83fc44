import { and, eq, inArray } from 'drizzle-orm';
import type { EditAction } from '../../contracts/edits';
import type { AvailableCoupon, CatalogProduct, OrderChangeSnapshot } from '../../domain/order-change';
import type { UnitStatus } from '../../domain/status';
import type { Executor } from '../db/client';
import { productOptions, products } from '../db/schema/index';
import type { OrderRow } from '../orders/mutation';
import { loadMemberForUpdate, usableCouponsOf } from '../orders/member-benefits';
import { loadOrderRows, unitsOf, type OrderRows } from '../orders/read-queries';
import { moneyPositionOf } from '../payments/requests/queries';
import { policyOfOrder } from '../shops/policy';

/** The member's coupons that can still be used now: issued to them, available, not expired. */
async function availableCoupons(tx: Executor, shopId: number, customerId: number, now: Date): Promise<AvailableCoupon[]> {
  const rows = await usableCouponsOf(tx, shopId, customerId, now);
  return rows.map(({ issued, rule }) => ({
    customerCouponId: issued.id,
    name: rule.name,
    rule: { kind: rule.kind, value: rule.value, maxDiscount: rule.maxDiscount, minOrderAmount: rule.minOrderAmount },
  }));
}

/** The catalog products (with options and stock) that the actions add and the order's items sell. */
async function loadCatalog(tx: Executor, shopId: number, productIds: readonly number[]): Promise<CatalogProduct[]> {
  if (productIds.length === 0) return [];
  const productRows = await tx.select().from(products).where(and(eq(products.shopId, shopId), inArray(products.id, [...productIds])));
  const optionRows = await tx.select().from(productOptions).where(and(eq(productOptions.shopId, shopId), inArray(productOptions.productId, [...productIds])));
  return productRows.map((p) => ({
    id: p.id,
    name: p.name,
    price: p.price,
    options: optionRows.filter((o) => o.productId === p.id).map((o) => ({ id: o.id, name: o.name, sku: o.sku, extraPrice: o.extraPrice, stock: o.stock })),
  }));
}

/**
 * Reads everything an edit replays over, in the caller's transaction. The member's row is locked
 * (as at checkout): the points balance and coupons read here are the ones the commit spends.
 * The grade discount is the order's own rate, not the member's current grade: items added to an
 * order are sold on that order's terms.
 */
export async function loadChangeSnapshot(tx: Executor, order: OrderRow, actions: readonly EditAction[], now: Date): Promise<{ snapshot: OrderChangeSnapshot; rows: OrderRows }> {
  const shopId = order.shopId;
  const rows = await loadOrderRows(tx, shopId, order.id);
  if (!rows) throw new Error(`order ${order.id} vanished inside its own transaction`);
  // the order's own shipping rules: an edit re-prices under the policy it was placed under
  const policy = await policyOfOrder(tx, shopId, order.id);
  const member = order.customerId === null ? null : await loadMemberForUpdate(tx, shopId, order.customerId);
  const productIds = new Set<number>();
  for (const a of actions) if (a.type === 'add_item' && a.productId !== undefined) productIds.add(a.productId);
  for (const i of rows.items) if (i.productId !== null) productIds.add(i.productId);
  // one query at a time: a transaction is one connection (pg deprecates overlapping queries on it)
  const catalog = await loadCatalog(tx, shopId, [...productIds]);
  const memberCoupons = member ? await availableCoupons(tx, shopId, member.id, now) : [];
  const position = await moneyPositionOf(tx, rows);
  const snapshot: OrderChangeSnapshot = {
    gradeDiscountRate: order.gradeDiscountRate,
    addressIds: rows.addresses.map((a) => a.id),
    items: rows.items.map((i) => ({
      id: i.id, productId: i.productId, optionId: i.optionId, productName: i.productName, optionName: i.optionName, sku: i.sku, isCustom: i.isCustom,
      unitPrice: i.unitPrice, gradeDiscountPerUnit: i.gradeDiscountPerUnit, manualDiscountPerUnit: i.manualDiscountPerUnit, quantity: i.quantity,
    })),
    groups: rows.groups.map((g) => ({ id: g.id, addressId: g.addressId, status: g.status as UnitStatus, held: g.heldForChangeId !== null })),
    allocations: unitsOf(rows),
    coupon: order.customerCouponId === null ? null : { customerCouponId: order.customerCouponId, name: order.couponName },
    couponDiscount: order.couponDiscount,
    pointsUsed: order.pointsUsed,
    shippingFee: order.shippingFee,
    remoteShippingFee: order.remoteShippingFee,
    feesAmount: order.feesAmount,
    member: member ? { pointsBalance: member.pointsBalance, coupons: memberCoupons } : null,
    catalog,
    shippingPolicy: policy.shipping,
    ledger: { paid: position.paid, refunded: position.refunded, awaitingPayment: position.awaitingPayment, awaitingRefund: position.awaitingRefund },
  };
  return { snapshot, rows };
}
