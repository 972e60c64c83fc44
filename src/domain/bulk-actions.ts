/**
 * Bulk actions over many orders: which orders an action leaves out, and why, decided from the
 * order's cached unit statuses alone. The preview evaluates this on every distinct combination of
 * cached columns among the matching orders (a GROUP BY, not a row per order), and the job
 * evaluates it again on each order under its lock before acting: one rule, so the preview's
 * "M건 처리" is what the job does unless an order changes in between.
 */
import { ORDER_STATUS_LABELS, type OrderStatus } from './order-status';
import { CANCELLABLE_STATUSES, isOpenClaimStatus, type UnitStatus } from './status';

export const BULK_ACTION_TYPES = [
  'confirm_deposit',
  'start_preparing',
  'mark_ready_to_ship',
  'ship',
  'mark_delivered',
  'confirm_purchase',
  'cancel',
  'add_memo',
] as const;
export type BulkActionType = (typeof BULK_ACTION_TYPES)[number];

export const BULK_ACTION_LABELS: Record<BulkActionType, { ko: string; en: string }> = {
  confirm_deposit: { ko: '입금확인', en: 'Confirm deposit' },
  start_preparing: { ko: '상품준비중 처리', en: 'Move to preparing' },
  mark_ready_to_ship: { ko: '배송대기 처리', en: 'Move to ready to ship' },
  ship: { ko: '배송중 처리', en: 'Ship' },
  mark_delivered: { ko: '배송완료 처리', en: 'Mark delivered' },
  confirm_purchase: { ko: '구매확정 처리', en: 'Confirm purchase' },
  cancel: { ko: '전체 취소', en: 'Cancel in full' },
  add_memo: { ko: '메모 추가', en: 'Add memo' },
};

/** The plain status moves: every unit in `from` moves to `to`. */
export const STATUS_MOVE_ACTIONS = {
  confirm_deposit: { from: 'awaiting_payment', to: 'paid' },
  start_preparing: { from: 'paid', to: 'preparing' },
  mark_ready_to_ship: { from: 'preparing', to: 'ready_to_ship' },
  ship: { from: 'ready_to_ship', to: 'shipping' },
  mark_delivered: { from: 'shipping', to: 'delivered' },
  confirm_purchase: { from: 'delivered', to: 'purchase_confirmed' },
} as const satisfies Partial<Record<BulkActionType, { from: UnitStatus; to: UnitStatus }>>;
export type StatusMoveAction = keyof typeof STATUS_MOVE_ACTIONS;

export function isStatusMoveAction(type: BulkActionType): type is StatusMoveAction {
  return type in STATUS_MOVE_ACTIONS;
}

/** What the rule reads: cached columns of the order (and, for shipping, whether a parcel was given). */
export interface BulkFacts {
  unitStatuses: readonly UnitStatus[];
  orderStatus: OrderStatus;
  paymentMethod: string | null;
  /** ship only: the request names a courier and tracking number for this order. */
  hasShipment: boolean;
  /**
   * Every 입금대기 unit of the order was added by an edit and waits for the buyer's additional
   * payment (a held group): only that payment releases them, never a bulk move.
   */
  awaitingPaymentHeld?: boolean | undefined;
}

export const EXCLUSION_CODES = ['already', 'not_yet', 'open_claim', 'held_for_payment', 'not_deposit_payment', 'missing_tracking'] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];

/** Why an order is left out; the order status names the group ("이미 배송중 12건"). */
export interface Exclusion {
  code: ExclusionCode;
  orderStatus: OrderStatus;
}

/** How far along the normal flow a unit is; cancelled and returned units are past everything. */
const STAGE: Partial<Record<UnitStatus, number>> = {
  awaiting_payment: 0,
  paid: 1,
  preparing: 2,
  ready_to_ship: 3,
  shipping: 4,
  delivered: 5,
  purchase_confirmed: 6,
  exchanged: 6,
  cancelled: 7,
  returned: 7,
};

const DEPOSIT_METHODS = ['bank_transfer', 'virtual_account'];

/** Past `from` when no live unit is at or before it: "이미"; otherwise still before it: "아직". */
function pastOrBefore(units: readonly UnitStatus[], fromStage: number): 'already' | 'not_yet' {
  const least = Math.min(...units.map((s) => STAGE[s] ?? 7));
  return least > fromStage ? 'already' : 'not_yet';
}

/**
 * Null when the action processes the order, else why not. Orders with an open claim (취소·반품·
 * 교환 접수 and its steps) are left out of every action but a memo: staff settle the claim first,
 * and a bulk move must not ship what the buyer asked to cancel. Units an edit added that wait for
 * the additional payment (추가 결제 대기) are never moved in bulk; an order whose 입금대기 units are
 * all such is left out of 입금확인 with that reason (other moves do not touch 입금대기 units).
 */
export function exclusionOf(type: BulkActionType, facts: BulkFacts): Exclusion | null {
  if (type === 'add_memo') return null;
  const exclude = (code: ExclusionCode): Exclusion => ({ code, orderStatus: facts.orderStatus });
  if (facts.unitStatuses.some(isOpenClaimStatus)) return exclude('open_claim');
  if (type === 'cancel') {
    const live = facts.unitStatuses.filter((s) => s !== 'cancelled' && s !== 'returned');
    if (live.length === 0 || !live.every((s) => CANCELLABLE_STATUSES.includes(s))) return exclude('already');
    return null;
  }
  const { from } = STATUS_MOVE_ACTIONS[type];
  if (!facts.unitStatuses.includes(from)) return exclude(pastOrBefore(facts.unitStatuses, STAGE[from] ?? 0));
  // held units are the only ones a move from 입금대기 would touch; the additional payment moves them
  if (from === 'awaiting_payment' && facts.awaitingPaymentHeld === true) return exclude('held_for_payment');
  if (type === 'confirm_deposit' && !DEPOSIT_METHODS.includes(facts.paymentMethod ?? '')) return exclude('not_deposit_payment');
  if (type === 'ship' && !facts.hasShipment) return exclude('missing_tracking');
  return null;
}

/** The words staff read in the preview and the job report. */
export function exclusionLabel(e: Exclusion, lang: 'ko' | 'en'): string {
  const status = ORDER_STATUS_LABELS[e.orderStatus][lang];
  switch (e.code) {
    case 'already':
      return lang === 'ko' ? `이미 ${status}` : `Already ${status.toLowerCase()}`;
    case 'not_yet':
      return lang === 'ko' ? `아직 ${status}` : `Still ${status.toLowerCase()}`;
    case 'open_claim':
      return lang === 'ko' ? '취소·반품·교환 처리 중' : 'Cancel, return or exchange in progress';
    case 'held_for_payment':
      return lang === 'ko' ? '추가 결제 대기' : 'Waiting for an additional payment';
    case 'not_deposit_payment':
      return lang === 'ko' ? `무통장·가상계좌 결제가 아님 (${status})` : `Not a bank transfer or virtual account payment (${status})`;
    case 'missing_tracking':
      return lang === 'ko' ? '송장번호 없음' : 'No tracking number given';
  }
}
