import { addDays, seoulDayOf, seoulDayStart } from './seoul-days';

/**
 * 배송지연, its one definition: an order is N days late when some unit still waits to ship
 * (결제완료, 상품준비중, 배송대기 — a partly shipped order whose other units wait counts) and it
 * was paid N Seoul calendar days before today (paid yesterday = 1 day late). The filter
 * (`shippingDelayDays: N` = at least N days late) and the list's 배송지연 column both come from here.
 */
export const AWAITING_SHIPMENT_STATUSES: readonly string[] = ['paid', 'preparing', 'ready_to_ship'];

const DAY_MS = 86_400_000;

/** At least `days` late means paid before this instant: the start of the Seoul day (today − days + 1). */
export function delayedIfPaidBefore(days: number, now: Date): Date {
  return seoulDayStart(addDays(seoulDayOf(now), 1 - days));
}

/**
 * How many days late an order is at `now`, from the columns a list row already has (no query of
 * its own); null when no unit waits to ship or nothing was paid. Agrees with the filter:
 * `shippingDelayDaysOf(o, now) >= N` exactly when `delayedIfPaidBefore(N, now)` selects it.
 */
export function shippingDelayDaysOf(order: { unitStatuses: readonly string[]; paidAt: Date | null }, now: Date): number | null {
  if (order.paidAt === null || !order.unitStatuses.some((s) => AWAITING_SHIPMENT_STATUSES.includes(s))) return null;
  const days = Math.round((seoulDayStart(seoulDayOf(now)).getTime() - seoulDayStart(seoulDayOf(order.paidAt)).getTime()) / DAY_MS);
  // a payment stamped later than now (a storefront's clock ahead of ours) is not late at all
  return Math.max(0, days);
}
