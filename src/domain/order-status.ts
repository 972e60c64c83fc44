/**
 * The order-level status, derived from the statuses of the order's units. It is stored only as a
 * cache for filtering (the order list tabs) and recomputed in the same transaction as every change.
 *
 * Only a type is imported from ./status, so status.ts can re-export this module without a runtime
 * import cycle.
 */
import type { UnitStatus } from './status';

export const ORDER_STATUSES = [
  'awaiting_payment',
  'paid',
  'preparing',
  'ready_to_ship',
  'partially_shipped',
  'shipping',
  'delivered',
  'purchase_confirmed',
  'partially_cancelled',
  'cancelled',
  'claim_in_progress',
  'returned',
  'partially_returned',
  'exchanged',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Record<OrderStatus, { ko: string; en: string }> = {
  awaiting_payment: { ko: '입금대기', en: 'Awaiting payment' },
  paid: { ko: '결제완료', en: 'Paid' },
  preparing: { ko: '상품준비중', en: 'Preparing' },
  ready_to_ship: { ko: '배송대기', en: 'Ready to ship' },
  partially_shipped: { ko: '부분배송', en: 'Partially shipped' },
  shipping: { ko: '배송중', en: 'Shipping' },
  delivered: { ko: '배송완료', en: 'Delivered' },
  purchase_confirmed: { ko: '구매확정', en: 'Purchase confirmed' },
  partially_cancelled: { ko: '부분취소', en: 'Partially cancelled' },
  cancelled: { ko: '취소완료', en: 'Cancelled' },
  claim_in_progress: { ko: '클레임 처리중', en: 'Claim in progress' },
  returned: { ko: '반품완료', en: 'Returned' },
  partially_returned: { ko: '부분반품', en: 'Partially returned' },
  exchanged: { ko: '교환완료', en: 'Exchanged' },
};

/** How units sit for the purpose of the order status. */
const UNIT_ROLE: Record<UnitStatus, 'open_claim' | 'gone' | 'not_shipped' | 'shipping' | 'finished'> = {
  awaiting_payment: 'not_shipped',
  paid: 'not_shipped',
  preparing: 'not_shipped',
  ready_to_ship: 'not_shipped',
  shipping: 'shipping',
  delivered: 'finished',
  purchase_confirmed: 'finished',
  exchanged: 'finished',
  cancelled: 'gone',
  returned: 'gone',
  cancel_requested: 'open_claim',
  return_requested: 'open_claim',
  return_collecting: 'open_claim',
  return_collected: 'open_claim',
  exchange_requested: 'open_claim',
  exchange_collecting: 'open_claim',
  exchange_collected: 'open_claim',
  exchange_reshipped: 'open_claim',
};

/** Pre-shipment statuses, least advanced first. */
const NOT_SHIPPED_ORDER = ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship'] as const satisfies readonly UnitStatus[];

/**
 * Precedence, first match wins (units with quantity 0 are ignored; "live" = not cancelled/returned):
 * 1. any unit in an open claim (취소접수, 반품/교환 접수·수거중·수거완료, 교환발송) → claim_in_progress,
 *    because the order needs staff work before anything else;
 * 2. no live units: all cancelled → cancelled; otherwise (some returned) → returned;
 * 3. live units still on their way, where the work still to do wins over the history of what was
 *    cancelled or returned (so a partly cancelled order stays in the 결제완료 tab until shipped):
 *    a. some shipped (배송중 or later) and some not yet → partially_shipped;
 *    b. none shipped yet → the least advanced status (입금대기 < 결제완료 < 상품준비중 < 배송대기);
 *    c. all shipped and some still in transit → shipping;
 * 4. every live unit delivered, purchase-confirmed or exchanged:
 *    a. some units returned → partially_returned; else some cancelled → partially_cancelled;
 *    b. any delivered → delivered (the order still waits for confirmation);
 *       all exchanged → exchanged; otherwise → purchase_confirmed.
 * An order without any unit of positive quantity is a bug and throws.
 */
export function deriveOrderStatus(units: ReadonlyArray<{ status: UnitStatus; quantity: number }>): OrderStatus {
  for (const u of units) {
    if (!Number.isSafeInteger(u.quantity) || u.quantity < 0) {
      throw new RangeError(`unit quantity must be a non-negative integer, got ${u.quantity}`);
    }
  }
  const present = units.filter((u) => u.quantity > 0).map((u) => u.status);
  if (present.length === 0) throw new RangeError('cannot derive the status of an order without units');

  const has = (role: (typeof UNIT_ROLE)[UnitStatus]): boolean => present.some((s) => UNIT_ROLE[s] === role);

  if (has('open_claim')) return 'claim_in_progress';

  const live = present.filter((s) => UNIT_ROLE[s] !== 'gone');
  if (live.length === 0) return present.every((s) => s === 'cancelled') ? 'cancelled' : 'returned';

  const notShipped = live.filter((s) => UNIT_ROLE[s] === 'not_shipped');
  if (notShipped.length > 0) {
    if (notShipped.length < live.length) return 'partially_shipped';
    const least = NOT_SHIPPED_ORDER.find((s) => notShipped.includes(s));
    // every not_shipped status is in NOT_SHIPPED_ORDER, so `least` is always found
    return least ?? 'awaiting_payment';
  }
  if (has('shipping')) return 'shipping';

  if (present.includes('returned')) return 'partially_returned';
  if (present.includes('cancelled')) return 'partially_cancelled';
  if (live.includes('delivered')) return 'delivered';
  if (live.every((s) => s === 'exchanged')) return 'exchanged';
  return 'purchase_confirmed';
}
