import { and, eq } from 'drizzle-orm';
import type { CreateOrderRequest } from '../../contracts/orders';
import { orderCreated, paymentCaptured, paymentPending, type Actor } from '../../domain/events';
import { one, queryRows, sql, type Tx } from '../db/client';
import { orderAddresses, orderItems, orders, payments, shipmentGroupItems, shipmentGroups } from '../db/schema/index';
import { hashPassword } from '../auth/secrets';
import { AppError } from '../http/errors';
import { listColumnsOf } from '../order-list/list-columns';
import { memberNameOf } from '../order-list/load-list-columns';
import { appendEvents } from '../timeline/queries';
import { takeStock } from './catalog-lookup';
import { priceCheckout } from './checkout-pricing';
import { addPoints, markCouponUsed } from './member-benefits';
import { orderNumberFor } from './order-number';
import { checkPaymentInput, paymentRow } from './payment-input';
import { summarizeOrder } from './summary';

export const MAX_ADDRESSES = 5;

function checkAddresses(input: CreateOrderRequest) {
  if (input.addresses.length > MAX_ADDRESSES) throw new AppError('TOO_MANY_ADDRESSES', { max: MAX_ADDRESSES, given: input.addresses.length });
  input.items.forEach((item, itemIndex) => {
    if (item.addressIndex >= input.addresses.length) throw new AppError('ADDRESS_INDEX_INVALID', { itemIndex, addressIndex: item.addressIndex });
  });
  input.addresses.forEach((_, addressIndex) => {
    if (!input.items.some((i) => i.addressIndex === addressIndex)) throw new AppError('ADDRESS_WITHOUT_ITEMS', { addressIndex });
  });
}

/**
 * Creates an order from a storefront checkout, in the caller's transaction: prices it with the
 * domain calculator, checks the reported payment against the computed total, spends the member's
 * coupon and points, takes stock, and writes the order with its units, payment and first events.
 */
export async function createOrder(tx: Tx, shopId: number, request: CreateOrderRequest, actor: Actor, now: Date): Promise<number> {
  checkAddresses(request);
  if (request.externalOrderId) {
    const sameExternal = and(eq(orders.shopId, shopId), eq(orders.channel, request.channel), eq(orders.externalOrderId, request.externalOrderId));
    const [existing] = await tx.select({ id: orders.id }).from(orders).where(sameExternal).limit(1);
    if (existing) throw new AppError('DUPLICATE_EXTERNAL_ORDER', { orderId: existing.id });
  }
  const checkout = await priceCheckout(tx, shopId, request, now);
  const { input, shop, policy, member, resolved, priced, coupon, couponDiscount, shipping } = checkout;
  const { guestPassword } = input.orderer;
  const { customerCouponId, pointsUsed } = input.discounts;
  if (!member && !guestPassword) throw new AppError('GUEST_PASSWORD_REQUIRED');
  const total = priced.total;
  checkPaymentInput(request.payment, total);
  const gradeDiscountRate = member?.gradeDiscountRate ?? 0;

  const [{ id: orderId } = { id: 0 }] = await queryRows<{ id: number }>(tx, sql`select nextval(pg_get_serial_sequence('orders', 'id'))::int8 as id`);
  const id = Number(orderId);
  const orderedAt = input.orderedAt ? new Date(input.orderedAt) : now;
  const paid = request.payment.status === 'paid';
  const unitStatus = paid ? ('paid' as const) : ('awaiting_payment' as const);

  const itemRows = priced.lines.map((line, i) => {
    const r = resolved[i];
    if (!r) throw new Error('pricing returned more lines than it was given');
    return {
      shopId, orderId: id, productId: r.productId, optionId: r.optionId, productName: r.productName, optionName: r.optionName, sku: r.sku,
      unitPrice: r.unitPrice, quantity: line.quantity, gradeDiscountPerUnit: line.gradeDiscountPerUnit, manualDiscountPerUnit: line.manualDiscountPerUnit,
      couponShare: line.couponShare, pointsShare: line.pointsShare, isCustom: r.isCustom, position: i, createdAt: now,
    };
  });
  const payment = paymentRow(shopId, id, request.payment, now);
  const summary = summarizeOrder({
    couponDiscount, pointsUsed, shippingFee: shipping.base, remoteShippingFee: shipping.remote, feesAmount: 0,
    items: itemRows.map((row, i) => ({ ...row, id: i })),
    units: itemRows.map((row, i) => ({ itemId: i, status: unitStatus, quantity: row.quantity })),
    payments: [payment], shipments: [], claims: [], memos: [],
  });
  const listColumns = listColumnsOf({
    ordererName: input.orderer.name, ordererPhone: input.orderer.phone, ordererEmail: input.orderer.email ?? null,
    memberName: await memberNameOf(tx, shopId, member?.id ?? null), addresses: input.addresses, items: resolved, shipments: [], claims: [],
  });

  await tx.insert(orders).values({
    shopId, id, orderNumber: orderNumberFor(shop.orderNumberPrefix, id, orderedAt), channel: input.channel, externalOrderId: input.externalOrderId ?? null,
    customerId: member?.id ?? null, ordererName: input.orderer.name, ordererPhone: input.orderer.phone, ordererEmail: input.orderer.email ?? null,
    guestPasswordHash: guestPassword && !member ? await hashPassword(guestPassword) : null,
    gradeName: member?.gradeName ?? null, gradeDiscountRate, customerCouponId: customerCouponId ?? null, couponName: coupon?.rule.name ?? null,
    couponDiscount, pointsUsed, shippingFee: shipping.base, remoteShippingFee: shipping.remote, policyId: policy.id, orderedAt, createdAt: now, updatedAt: now, ...summary,
    ...listColumns,
  });
  const addressRows = await tx
    .insert(orderAddresses)
    .values(input.addresses.map((a, position) => ({ shopId, orderId: id, position, ...a, deliveryNote: a.deliveryNote ?? null, createdAt: now })))
    .returning({ id: orderAddresses.id, position: orderAddresses.position });
  const items = await tx.insert(orderItems).values(itemRows).returning({ id: orderItems.id, position: orderItems.position });
  const itemIdAt = new Map(items.map((x) => [x.position, x.id]));
  for (const address of addressRows) {
    const groupRows = await tx
      .insert(shipmentGroups)
      .values({ shopId, orderId: id, addressId: address.id, status: unitStatus, createdAt: now })
      .returning({ id: shipmentGroups.id });
    const shipmentGroupId = one(groupRows, 'shipment group').id;
    const groupItems = resolved.flatMap((r, i) => {
      const itemId = itemIdAt.get(i);
      return r.addressIndex === address.position && itemId ? [{ shopId, orderId: id, shipmentGroupId, itemId, quantity: r.quantity }] : [];
    });
    await tx.insert(shipmentGroupItems).values(groupItems);
  }
  const paymentId = one(await tx.insert(payments).values(payment).returning({ id: payments.id }), 'payment').id;

  for (const [i, r] of resolved.entries()) if (r.tracksStock && r.optionId) await takeStock(tx, shopId, r.optionId, r.quantity, i);
  if (coupon && customerCouponId !== undefined) await markCouponUsed(tx, shopId, customerCouponId, id, now);
  if (member && pointsUsed > 0) await addPoints(tx, shopId, member.id, -pointsUsed, '주문 사용', id, now);

  const paymentFacts = { paymentId, method: payment.method, amount: payment.amount };
  await appendEvents(tx, shopId, id, [
    orderCreated(actor, { channel: input.channel, total, itemCount: itemRows.length }),
    paid ? paymentCaptured(actor, paymentFacts) : paymentPending(actor, { ...paymentFacts, dueAt: payment.vaDueAt?.toISOString() ?? null }),
  ], now);
  return id;
}
