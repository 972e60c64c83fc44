/**
 * Timeline events: an append-only, typed history of an order. One constructor per event (as in
 * Saleor's events.py) decides once whether the buyer may see it, so call sites cannot disagree.
 * Payloads hold ids and the facts at the time, not copies of mutable text (a memo's body can be
 * edited or deleted later; the timeline points at it).
 */
import { formatWon, type Won } from './money';
import { qualifiedStatusLabel, type TransitionKind, type UnitStatus } from './status';

export type Actor = { kind: 'staff'; id: number; name: string } | { kind: 'buyer'; name: string } | { kind: 'system' } | { kind: 'api'; keyName: string };

export type TimelineEvent =
  | { type: 'order_created'; channel: string; total: Won; itemCount: number }
  | { type: 'payment_pending'; paymentId: number; method: string; amount: Won; dueAt: string | null }
  | { type: 'payment_captured'; paymentId: number; method: string; amount: Won }
  | { type: 'payment_failed'; paymentId: number; method: string; amount: Won; reason: string | null }
  | { type: 'deposit_confirmed'; paymentId: number; amount: Won; depositorName: string | null }
  | { type: 'payment_requested'; requestId: number; amount: Won; reason: string | null }
  | { type: 'refund_completed'; refundId: number; amount: Won; method: string }
  | { type: 'memo_added'; memoId: number }
  | { type: 'memo_edited'; memoId: number }
  | { type: 'memo_deleted'; memoId: number }
  | { type: 'status_changed'; itemId: number; quantity: number; from: UnitStatus; to: UnitStatus; kind: TransitionKind }
  | { type: 'tracking_assigned'; shipmentId: number; courier: string; trackingNumber: string }
  | { type: 'order_edited'; changeId: number; totalBefore: Won; totalAfter: Won };

export type TimelineEventType = TimelineEvent['type'];

export interface EventDraft {
  event: TimelineEvent;
  actor: Actor;
  buyerVisible: boolean;
}

/** The payload of an event of type T, without its `type` tag: what a constructor takes. */
type Facts<T extends TimelineEventType> = Omit<Extract<TimelineEvent, { type: T }>, 'type'>;

export function orderCreated(actor: Actor, f: Facts<'order_created'>): EventDraft {
  return { event: { type: 'order_created', ...f }, actor, buyerVisible: true };
}
export function paymentPending(actor: Actor, f: Facts<'payment_pending'>): EventDraft {
  return { event: { type: 'payment_pending', ...f }, actor, buyerVisible: true };
}
export function paymentCaptured(actor: Actor, f: Facts<'payment_captured'>): EventDraft {
  return { event: { type: 'payment_captured', ...f }, actor, buyerVisible: true };
}
export function paymentFailed(actor: Actor, f: Facts<'payment_failed'>): EventDraft {
  return { event: { type: 'payment_failed', ...f }, actor, buyerVisible: true };
}
export function depositConfirmed(actor: Actor, f: Facts<'deposit_confirmed'>): EventDraft {
  return { event: { type: 'deposit_confirmed', ...f }, actor, buyerVisible: true };
}
export function paymentRequested(actor: Actor, f: Facts<'payment_requested'>): EventDraft {
  return { event: { type: 'payment_requested', ...f }, actor, buyerVisible: true };
}
export function refundCompleted(actor: Actor, f: Facts<'refund_completed'>): EventDraft {
  return { event: { type: 'refund_completed', ...f }, actor, buyerVisible: true };
}
/** Memos are staff notes: never shown to the buyer. */
export function memoAdded(actor: Actor, f: Facts<'memo_added'>): EventDraft {
  return { event: { type: 'memo_added', ...f }, actor, buyerVisible: false };
}
export function memoEdited(actor: Actor, f: Facts<'memo_edited'>): EventDraft {
  return { event: { type: 'memo_edited', ...f }, actor, buyerVisible: false };
}
export function memoDeleted(actor: Actor, f: Facts<'memo_deleted'>): EventDraft {
  return { event: { type: 'memo_deleted', ...f }, actor, buyerVisible: false };
}
/**
 * Forward moves are what the buyer follows (배송중, 취소완료 …). Reverts correct staff mistakes; the
 * buyer sees the resulting status on My Page, not the correction.
 */
export function statusChanged(actor: Actor, f: Facts<'status_changed'>): EventDraft {
  return { event: { type: 'status_changed', ...f }, actor, buyerVisible: f.kind === 'forward' };
}
export function trackingAssigned(actor: Actor, f: Facts<'tracking_assigned'>): EventDraft {
  return { event: { type: 'tracking_assigned', ...f }, actor, buyerVisible: true };
}
/** An edit that changes what the buyer pays is theirs to see. */
export function orderEdited(actor: Actor, f: Facts<'order_edited'>): EventDraft {
  return { event: { type: 'order_edited', ...f }, actor, buyerVisible: true };
}

const METHOD_LABELS: Record<string, { ko: string; en: string }> = {
  card: { ko: '카드', en: 'Card' },
  virtual_account: { ko: '가상계좌', en: 'Virtual account' },
  bank_transfer: { ko: '무통장입금', en: 'Bank transfer' },
  easy_pay: { ko: '간편결제', en: 'Easy pay' },
  points: { ko: '포인트', en: 'Points' },
  transfer: { ko: '계좌이체', en: 'Account transfer' },
  gateway_cancel: { ko: 'PG 취소', en: 'Gateway cancel' },
};
const methodLabel = (m: string, lang: 'ko' | 'en'): string => METHOD_LABELS[m]?.[lang] ?? m;

/**
 * Due dates are shown in Korean time. KST has no daylight saving, so a fixed +9 h offset is exact
 * and needs neither the clock nor the host's time zone.
 */
function formatKst(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A one-line human description of an event, in Korean or English; money as "12,000원". */
export function describeEvent(e: TimelineEvent, lang: 'ko' | 'en'): string {
  const ko = lang === 'ko';
  switch (e.type) {
    case 'order_created':
      return ko
        ? `주문이 접수되었습니다 (${e.channel}, 품목 ${e.itemCount}개, 합계 ${formatWon(e.total)})`
        : `Order placed via ${e.channel}: ${e.itemCount} item(s), total ${formatWon(e.total)}`;
    case 'payment_pending': {
      const due = e.dueAt === null ? '' : ko ? ` (입금기한 ${formatKst(e.dueAt)})` : ` (due ${formatKst(e.dueAt)} KST)`;
      return ko
        ? `${methodLabel(e.method, lang)} 결제 ${formatWon(e.amount)}의 입금을 기다리고 있습니다${due}`
        : `Awaiting ${methodLabel(e.method, lang).toLowerCase()} payment of ${formatWon(e.amount)}${due}`;
    }
    case 'payment_captured':
      return ko
        ? `${methodLabel(e.method, lang)} 결제 ${formatWon(e.amount)}이 완료되었습니다`
        : `${methodLabel(e.method, lang)} payment of ${formatWon(e.amount)} captured`;
    case 'payment_failed': {
      const reason = e.reason ? ` (${e.reason})` : '';
      return ko
        ? `${methodLabel(e.method, lang)} 결제 ${formatWon(e.amount)}이 실패했습니다${reason}`
        : `${methodLabel(e.method, lang)} payment of ${formatWon(e.amount)} failed${reason}`;
    }
    case 'deposit_confirmed': {
      const who = e.depositorName ? (ko ? ` (입금자 ${e.depositorName})` : ` (from ${e.depositorName})`) : '';
      return ko ? `입금 ${formatWon(e.amount)}이 확인되었습니다${who}` : `Deposit of ${formatWon(e.amount)} confirmed${who}`;
    }
    case 'payment_requested': {
      const reason = e.reason ? ` (${e.reason})` : '';
      return ko ? `추가 결제 ${formatWon(e.amount)}을 요청했습니다${reason}` : `Requested an additional payment of ${formatWon(e.amount)}${reason}`;
    }
    case 'refund_completed':
      return ko
        ? `${formatWon(e.amount)}이 환불되었습니다 (${methodLabel(e.method, lang)})`
        : `Refunded ${formatWon(e.amount)} (${methodLabel(e.method, lang).toLowerCase()})`;
    case 'memo_added':
      return ko ? '메모를 남겼습니다' : 'Added a memo';
    case 'memo_edited':
      return ko ? '메모를 수정했습니다' : 'Edited a memo';
    case 'memo_deleted':
      return ko ? '메모를 삭제했습니다' : 'Deleted a memo';
    case 'status_changed': {
      const move = `${qualifiedStatusLabel(e.from, lang)} → ${qualifiedStatusLabel(e.to, lang)}`;
      const revert = e.kind === 'revert' ? (ko ? ' (되돌림)' : ' (reverted)') : '';
      return ko ? `품목 #${e.itemId} ${e.quantity}개: ${move}${revert}` : `Item #${e.itemId} ×${e.quantity}: ${move}${revert}`;
    }
    case 'tracking_assigned':
      return ko
        ? `송장번호가 등록되었습니다 (${e.courier} ${e.trackingNumber})`
        : `Tracking number assigned (${e.courier} ${e.trackingNumber})`;
    case 'order_edited':
      return ko
        ? `주문이 수정되었습니다 (합계 ${formatWon(e.totalBefore)} → ${formatWon(e.totalAfter)})`
        : `Order edited (total ${formatWon(e.totalBefore)} → ${formatWon(e.totalAfter)})`;
  }
}
