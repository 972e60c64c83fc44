import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { OrderChangePlan, OrderChangePreview } from '../../domain/order-change';
import { one, type Executor } from '../db/client';
import { claimItems, orderItems, orders, productOptions, shipmentGroupItems, shipmentGroups } from '../db/schema/index';
import { takeStock } from '../orders/catalog-lookup';
import type { OrderRows } from '../orders/read-queries';

/** Units that never left the warehouse go back on the shelf (untracked options stay untracked). */
async function restock(tx: Executor, shopId: number, optionId: number, quantity: number) {
  await tx
    .update(productOptions)
    .set({ stock: sql`${productOptions.stock} + ${quantity}` })
    .where(and(eq(productOptions.shopId, shopId), eq(productOptions.id, optionId), isNotNull(productOptions.stock)));
}

/**
 * Writes what the replay planned, in the commit's transaction: stock, item quantities, the added
 * items, every item's coupon and points share, the units, and the order's coupon, points and
 * shipping columns. Answers the added items with their new ids, in the order they were added.
 */
export async function writeOrderChange(
  tx: Executor,
  rows: OrderRows,
  plan: OrderChangePlan,
  preview: OrderChangePreview,
  changeId: number,
  now: Date,
): Promise<Array<{ itemId: number; productName: string; quantity: number }>> {
  const { shopId, id: orderId } = rows.order;
  // give back before taking, so a decrease and an increase of the same option net out
  for (const s of plan.stock) if (s.delta > 0) await restock(tx, shopId, s.optionId, s.delta);
  // a shortfall names the added item when there is one (-1: an existing item's increase)
  for (const s of plan.stock) if (s.delta < 0) await takeStock(tx, shopId, s.optionId, -s.delta, plan.added.findIndex((a) => a.optionId === s.optionId));

  const byItem = (itemId: number) => and(eq(orderItems.shopId, shopId), eq(orderItems.id, itemId));
  for (const change of plan.quantityChanges) await tx.update(orderItems).set({ quantity: change.to }).where(byItem(change.itemId));
  for (const line of preview.lines) {
    const old = rows.items.find((i) => i.id === line.itemId);
    if (old && (old.couponShare !== line.couponShare || old.pointsShare !== line.pointsShare)) {
      await tx.update(orderItems).set({ couponShare: line.couponShare, pointsShare: line.pointsShare }).where(byItem(old.id));
    }
  }

  const nextPosition = rows.items.reduce((max, i) => Math.max(max, i.position), -1) + 1;
  const added: Array<{ itemId: number; productName: string; quantity: number }> = [];
  for (const [index, a] of plan.added.entries()) {
    const shares = preview.lines.find((l) => l.addedIndex === index);
    if (!shares) throw new Error(`the preview has no line for added item ${index}`);
    const manual = a.manualDiscount;
    const inserted = await tx
      .insert(orderItems)
      .values({
        shopId, orderId, productId: a.productId, optionId: a.optionId, productName: a.productName, optionName: a.optionName, sku: a.sku, isCustom: a.isCustom,
        unitPrice: a.unitPrice, quantity: a.quantity, gradeDiscountPerUnit: a.gradeDiscountPerUnit, manualDiscountPerUnit: a.manualDiscountPerUnit,
        manualDiscountKind: manual?.kind ?? null, manualDiscountValue: manual ? (manual.kind === 'rate' ? manual.ratePercent : manual.amountPerUnit) : null,
        couponShare: shares.couponShare, pointsShare: shares.pointsShare, position: nextPosition + index, createdAt: now,
      })
      .returning({ id: orderItems.id });
    added.push({ itemId: one(inserted, 'order item').id, productName: a.productName, quantity: a.quantity });
  }

  await writeUnitMoves(tx, rows, plan, added.map((a) => a.itemId), changeId, now);
  await tx
    .update(orders)
    .set({ couponDiscount: plan.order.couponDiscount, pointsUsed: plan.order.pointsUsed, shippingFee: plan.order.shippingFee })
    .where(and(eq(orders.shopId, shopId), eq(orders.id, orderId)));
  return added;
}

/** New groups the plan marks held carry the edit's id: its additional payment releases them. */
async function writeUnitMoves(tx: Executor, rows: OrderRows, plan: OrderChangePlan, addedIds: readonly number[], changeId: number, now: Date) {
  const { shopId, id: orderId } = rows.order;
  const newGroups = new Map<string, number>();
  const touched = new Set<number>();
  for (const move of plan.unitMoves) {
    if (move.kind === 'remove') {
      const at = and(eq(shipmentGroupItems.shopId, shopId), eq(shipmentGroupItems.shipmentGroupId, move.groupId), eq(shipmentGroupItems.itemId, move.itemId));
      await tx.update(shipmentGroupItems).set({ quantity: sql`${shipmentGroupItems.quantity} - ${move.quantity}` }).where(at);
      await tx.delete(shipmentGroupItems).where(and(at, eq(shipmentGroupItems.quantity, 0)));
      touched.add(move.groupId);
      continue;
    }
    let groupId: number;
    if ('groupId' in move.to) groupId = move.to.groupId;
    else {
      const { addressId, status, held } = move.to.newGroup;
      const key = `${addressId}:${status}:${held === true}`;
      const heldForChangeId = held === true ? changeId : null;
      groupId =
        newGroups.get(key) ??
        one(await tx.insert(shipmentGroups).values({ shopId, orderId, addressId, status, heldForChangeId, createdAt: now }).returning({ id: shipmentGroups.id }), 'shipment group').id;
      newGroups.set(key, groupId);
    }
    const itemId = 'itemId' in move.line ? move.line.itemId : addedIds[move.line.added];
    if (itemId === undefined) throw new Error(`no item was written for added line ${JSON.stringify(move.line)}`);
    await tx
      .insert(shipmentGroupItems)
      .values({ shopId, orderId, shipmentGroupId: groupId, itemId, quantity: move.quantity })
      .onConflictDoUpdate({
        target: [shipmentGroupItems.shopId, shipmentGroupItems.shipmentGroupId, shipmentGroupItems.itemId],
        set: { quantity: sql`${shipmentGroupItems.quantity} + ${move.quantity}` },
      });
  }
  if (touched.size > 0) await dropEmptyGroups(tx, shopId, orderId, [...touched]);
}

/**
 * A group a decrease emptied is no parcel any more; it goes, unless a claim took units from it
 * (withdrawing that claim puts them back there).
 */
async function dropEmptyGroups(tx: Executor, shopId: number, orderId: number, groupIds: readonly number[]) {
  const holding = await tx.select({ id: shipmentGroupItems.shipmentGroupId }).from(shipmentGroupItems).where(and(eq(shipmentGroupItems.shopId, shopId), inArray(shipmentGroupItems.shipmentGroupId, [...groupIds])));
  const origins = await tx.select({ id: claimItems.fromShipmentGroupId }).from(claimItems).where(and(eq(claimItems.shopId, shopId), eq(claimItems.orderId, orderId)));
  const keep = new Set([...holding, ...origins].map((r) => r.id));
  const empty = groupIds.filter((id) => !keep.has(id));
  if (empty.length > 0) await tx.delete(shipmentGroups).where(and(eq(shipmentGroups.shopId, shopId), eq(shipmentGroups.orderId, orderId), inArray(shipmentGroups.id, empty)));
}
