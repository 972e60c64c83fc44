import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkReplacementPrice } from '../../domain/claim-rules';
import { sharesTaken } from '../../domain/refund-shares';
import { isActiveStatus } from '../../domain/status';
import { one, type Executor } from '../db/client';
import { orderItems, productOptions, products } from '../db/schema/index';
import { AppError } from '../http/errors';
import { takeStock } from '../orders/catalog-lookup';
import type { OrderRows } from '../orders/read-queries';
import { placedUnits } from './refund-input';
import type { TakenUnits } from './units';

/**
 * claims.reshipment of an exchange: the re-shipment's parcel, and which order items the exchange
 * re-ships in another option, so that withdrawing it can merge them back exactly.
 */
export const reshipmentSchema = z.object({
  courier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  shippedAt: z.string().nullable().default(null),
  replacements: z
    .array(
      z.object({
        itemId: z.number().int(),
        originalItemId: z.number().int(),
        quantity: z.number().int(),
        /** The whole item was exchanged: its option changed in place, no new item was made. */
        inPlace: z.boolean(),
        fromOption: z.object({ optionId: z.number().int().nullable(), optionName: z.string().nullable(), sku: z.string().nullable() }),
      }),
    )
    .default([]),
});
export type Reshipment = z.infer<typeof reshipmentSchema>;

export function parseReshipment(value: unknown): Reshipment {
  return reshipmentSchema.parse(value ?? { courier: null, trackingNumber: null });
}

const itemKey = (shopId: number, id: number) => and(eq(orderItems.shopId, shopId), eq(orderItems.id, id));

/**
 * An exchange to another option of the same product, at the same price. The units to exchange
 * become their own order item in the new option (same prices and per-unit discounts, their share of
 * the coupon and points moved with them), so the order total and every other unit stay as they
 * were; the claim holds the new item's units. Answers the taken units with their new item ids.
 */
export async function splitForExchange(tx: Executor, shopId: number, rows: OrderRows, taken: readonly TakenUnits[], replacementOptionId: number, now: Date) {
  const [found] = await tx
    .select({ option: productOptions, product: products })
    .from(productOptions)
    .innerJoin(products, and(eq(products.shopId, productOptions.shopId), eq(products.id, productOptions.productId)))
    .where(and(eq(productOptions.shopId, shopId), eq(productOptions.id, replacementOptionId)));
  if (!found) throw new AppError('OPTION_NOT_FOUND', { replacementOptionId });
  const { option, product } = found;
  const replacementPrice = product.price + option.extraPrice;
  const replacements: Reshipment['replacements'] = [];
  const itemIdFor = new Map<number, number>();
  const active = placedUnits(rows).filter((u) => isActiveStatus(u.status));

  for (const itemId of new Set(taken.map((t) => t.itemId))) {
    const item = rows.items.find((i) => i.id === itemId);
    if (!item) throw new Error(`item ${itemId} vanished`);
    if (item.optionId === option.id) continue;
    if (item.productId !== option.productId) throw new AppError('EXCHANGE_OPTION_INVALID', { itemId, replacementOptionId });
    const price = checkReplacementPrice(item.unitPrice, replacementPrice);
    if (!price.ok) throw new AppError(price.code, { itemId, unitPrice: item.unitPrice, replacementPrice, difference: price.difference });
    const quantity = taken.filter((t) => t.itemId === itemId).reduce((s, t) => s + t.quantity, 0);
    const fromOption = { optionId: item.optionId, optionName: item.optionName, sku: item.sku };
    const asReplacement = { optionId: option.id, optionName: option.name, sku: option.sku };
    if (quantity === item.quantity) {
      await tx.update(orderItems).set(asReplacement).where(itemKey(shopId, item.id));
      replacements.push({ itemId: item.id, originalItemId: item.id, quantity, inPlace: true, fromOption });
      continue;
    }
    const activeUnits = active.filter((u) => u.itemId === item.id).reduce((s, u) => s + u.quantity, 0);
    const moved = sharesTaken(item, quantity, activeUnits);
    await tx
      .update(orderItems)
      .set({ quantity: item.quantity - quantity, couponShare: item.couponShare - moved.couponShare, pointsShare: item.pointsShare - moved.pointsShare })
      .where(itemKey(shopId, item.id));
    const { id: _id, createdAt: _createdAt, ...copy } = item;
    const created = one(await tx.insert(orderItems).values({ ...copy, ...asReplacement, quantity, ...moved, createdAt: now }).returning({ id: orderItems.id }), 'order item');
    itemIdFor.set(item.id, created.id);
    replacements.push({ itemId: created.id, originalItemId: item.id, quantity, inPlace: false, fromOption });
  }
  const total = replacements.reduce((s, r) => s + r.quantity, 0);
  if (total > 0 && option.stock !== null) await takeStock(tx, shopId, option.id, total, 0);
  return {
    taken: taken.map((t) => ({ ...t, itemId: itemIdFor.get(t.itemId) ?? t.itemId })),
    replacements,
    replacementOptionId: replacements.length > 0 ? option.id : null,
  };
}

/**
 * Undoes splitForExchange when the exchange is withdrawn: items changed in place get their option
 * back, split-off items are merged into the item they came from (quantity and shares), and the
 * replacement option's stock is given back. Answers, per replacement item, the item its units go
 * back to; the caller deletes the merged items once nothing refers to them.
 */
export async function mergeBack(tx: Executor, shopId: number, rows: OrderRows, reshipment: Reshipment, replacementOptionId: number | null) {
  const backTo = new Map<number, number>();
  for (const r of reshipment.replacements) {
    if (r.inPlace) {
      await tx.update(orderItems).set(r.fromOption).where(itemKey(shopId, r.itemId));
      continue;
    }
    const split = rows.items.find((i) => i.id === r.itemId);
    const original = rows.items.find((i) => i.id === r.originalItemId);
    if (!split || !original) throw new Error(`exchange item ${r.itemId} or its original ${r.originalItemId} vanished`);
    await tx
      .update(orderItems)
      .set({ quantity: original.quantity + split.quantity, couponShare: original.couponShare + split.couponShare, pointsShare: original.pointsShare + split.pointsShare })
      .where(itemKey(shopId, original.id));
    backTo.set(split.id, original.id);
  }
  const total = reshipment.replacements.reduce((s, r) => s + r.quantity, 0);
  if (replacementOptionId !== null && total > 0) {
    await tx
      .update(productOptions)
      .set({ stock: sql`${productOptions.stock} + ${total}` })
      .where(and(eq(productOptions.shopId, shopId), eq(productOptions.id, replacementOptionId), isNotNull(productOptions.stock)));
  }
  return backTo;
}

export async function deleteItems(tx: Executor, shopId: number, ids: readonly number[]) {
  if (ids.length > 0) await tx.delete(orderItems).where(and(eq(orderItems.shopId, shopId), inArray(orderItems.id, [...ids])));
}
