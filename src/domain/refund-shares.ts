/**
 * How an item's coupon and points shares follow its units when some of them leave the order
 * (a completed cancel or return) or move to another item (an exchange to another option).
 *
 * An item's shares belong to its active units (not cancelled, not returned). Units that leave take
 * the prorated part of the shares with them, so the shares that stay still fit the units that stay:
 * taking every unit in several steps takes exactly the whole share, never a won more or less.
 */
import { prorate, type Won } from './money';

export interface ItemShares {
  couponShare: Won;
  pointsShare: Won;
}

/** The first `quantity` of `active` units' part of `share` (all of it when they are all leaving). */
function partOf(share: Won, quantity: number, active: number): Won {
  if (quantity >= active) return share;
  return prorate(share, [quantity, active - quantity])[0] ?? 0;
}

/**
 * The coupon and points shares `quantity` of an item's `active` units take with them.
 *
 * Coupon plus points are split together first and the coupon's part is taken out of that: two
 * independent roundings could both round up and take a won more than the leaving units cost, or
 * leave the staying units with more discount than they cost. Splitting the sum keeps both sides
 * within their amounts whenever the item's shares fit its amount (pricing guarantees that).
 */
export function sharesTaken(shares: ItemShares, quantity: number, active: number): ItemShares {
  if (!Number.isSafeInteger(quantity) || quantity <= 0 || quantity > active) {
    throw new RangeError(`cannot take ${quantity} of ${active} active units`);
  }
  const both = partOf(shares.couponShare + shares.pointsShare, quantity, active);
  let coupon = Math.min(partOf(shares.couponShare, quantity, active), both);
  let points = both - coupon;
  if (points > shares.pointsShare) {
    points = shares.pointsShare;
    coupon = both - points;
  }
  return { couponShare: coupon, pointsShare: points };
}

/**
 * Spreads `delta` won of one kind of discount over items: a positive delta by the room each item
 * has left (its amount less the discounts it already carries), a negative one by what each item
 * carries of that kind, so no item's share goes below zero nor its discounts above its amount.
 * Answers null when the items cannot absorb the delta.
 */
export function spreadShareDelta(delta: Won, items: ReadonlyArray<{ amount: Won; share: Won; otherShare: Won }>): Won[] | null {
  if (delta === 0) return items.map(() => 0);
  const weights = delta > 0 ? items.map((i) => Math.max(0, i.amount - i.share - i.otherShare)) : items.map((i) => i.share);
  const capacity = weights.reduce((a, b) => a + b, 0);
  // prorate spreads over all-zero weights by count; an empty capacity must refuse instead
  if (capacity < Math.abs(delta)) return null;
  return prorate(delta, weights);
}

export interface ShareChange {
  itemId: number;
  couponShare: Won;
  pointsShare: Won;
  couponDelta: Won;
  pointsDelta: Won;
}

/**
 * New coupon and points shares per item. The claimed units take their shares; when staff remove
 * more or less coupon (or points) than that, the difference is spread over the items that stay.
 * Answers null when the items that stay cannot carry what is left on the order.
 */
export function shareChanges(
  items: ReadonlyArray<ItemShares & { itemId: number }>,
  staying: ReadonlyArray<{ item: { itemId: number }; remaining: number; amount: Won; couponShare: Won; pointsShare: Won }>,
  fullClaim: boolean,
  couponStays: Won,
  pointsStays: Won,
): ShareChange[] | null {
  const next = staying.map((s) => ({ itemId: s.item.itemId, amount: s.amount, couponShare: fullClaim ? 0 : s.couponShare, pointsShare: fullClaim ? 0 : s.pointsShare, carries: s.remaining > 0 }));
  if (!fullClaim) {
    const carriers = next.filter((n) => n.carries);
    const spreadCoupon = () => {
      const parts = spreadShareDelta(couponStays, carriers.map((c) => ({ amount: c.amount, share: c.couponShare, otherShare: c.pointsShare })));
      carriers.forEach((c, i) => (c.couponShare += parts?.[i] ?? 0));
      return parts !== null;
    };
    const spreadPoints = () => {
      const parts = spreadShareDelta(pointsStays, carriers.map((c) => ({ amount: c.amount, share: c.pointsShare, otherShare: c.couponShare })));
      carriers.forEach((c, i) => (c.pointsShare += parts?.[i] ?? 0));
      return parts !== null;
    };
    // what shrinks goes first, so that it makes room for what grows
    const ok = pointsStays < 0 ? spreadPoints() && spreadCoupon() : spreadCoupon() && spreadPoints();
    if (!ok) return null;
  }
  return next.flatMap((n, i) => {
    const before = items[i];
    if (!before || (n.couponShare === before.couponShare && n.pointsShare === before.pointsShare)) return [];
    return [{ itemId: n.itemId, couponShare: n.couponShare, pointsShare: n.pointsShare, couponDelta: n.couponShare - before.couponShare, pointsDelta: n.pointsShare - before.pointsShare }];
  });
}
