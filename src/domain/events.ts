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
  | { type: 'claim_requested'; claimId: number; claimKind: ClaimKindName; items: ClaimedUnits; reason: string | null }
  | { type: 'claim_status_changed'; claimId: number; claimKind: ClaimKindName; from: UnitStatus; to: UnitStatus; kind: TransitionKind }
  | { type: 'claim_withdrawn'; claimId: number; claimKind: ClaimKindName; items: ClaimedUnits }
  | { type: 'refund_pending'; refundId: number; amount: Won; method: string; note: string | null }
  | { type: 'refund_failed'; refundId: number; amount: Won; message: string }
  | { type: 'refund_voided'; refundId: number; amount: Won }
  | { type: 'memo_added'; memoId: number }
  | { type: 'memo_edited'; memoId: number }
  | { type: 'memo_deleted'; memoId: number }
  | { type: 'status_changed'; itemId: number; quantity: number; from: UnitStatus; to: UnitStatus; kind: TransitionKind }
  | { type: 'tracking_assigned'; shipmentId: number; courier: string; trackingNumber: string }
  | { type: 'order_edited'; changeId: number; totalBefore: Won; totalAfter: Won; changes?: OrderEditChanges }
  | { type: 'payment_request_cancelled'; requestId: number; amount: Won; reason: string | null }
  | { type: 'tracking_removed'; shipmentId: number; courier: string; trackingNumber: string }
  | { type: 'deposit_reverted'; paymentId: number; amount: Won }
  | { type: 'address_added'; addressId: number; position: number }
  | { type: 'address_changed'; addressId: number; fields: string[]; remoteFeeDifference: Won }
  | { type: 'address_removed'; addressId: number }
  | { type: 'units_reallocated'; toAddressId: number; moves: Array<{ itemId: number; quantity: number; fromAddressId: number }>; remoteFeeDifference: Won }
  | {
      type: 'gateway_notification';
      gateway: string;
      paymentId: number;
      /** What the gateway said, as its adapter read it. */
      notification: 'deposit_confirmed' | 'payment_cancelled' | 'other';
      /** The gateway's own status word, when it named one (Toss: CANCELED, WAITING_FOR_DEPOSIT …). */
      gatewayStatus: string | null;
      /** What the gateway says the account holds in total; what the payment asked for. */
      amount: Won | null;
      due: Won | null;
      action: GatewayNotificationAction;
    }
  | { type: 'overpayment_refund_created'; refundId: number; amount: Won; reason: string };

export type TimelineEventType = TimelineEvent['type'];

type ClaimKindName = 'cancel' | 'return' | 'exchange';
type ClaimedUnits = Array<{ itemId: number; quantity: number }>;

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
/** A cancel, return or exchange the buyer asked for (or staff took on their behalf): theirs to follow. */
export function claimRequested(actor: Actor, f: Facts<'claim_requested'>): EventDraft {
  return { event: { type: 'claim_requested', ...f }, actor, buyerVisible: true };
}
/** Like unit status changes: forward moves are the buyer's to follow, reverts are staff corrections. */
export function claimStatusChanged(actor: Actor, f: Facts<'claim_status_changed'>): EventDraft {
  return { event: { type: 'claim_status_changed', ...f }, actor, buyerVisible: f.kind === 'forward' };
}
export function claimWithdrawn(actor: Actor, f: Facts<'claim_withdrawn'>): EventDraft {
  return { event: { type: 'claim_withdrawn', ...f }, actor, buyerVisible: true };
}
/** A refund owed but not yet paid back (gateway unreachable, or a transfer staff still have to make). */
export function refundPending(actor: Actor, f: Facts<'refund_pending'>): EventDraft {
  return { event: { type: 'refund_pending', ...f }, actor, buyerVisible: true };
}
/** The gateway's refusal is for staff to resolve; the buyer keeps seeing the refund as pending. */
export function refundFailed(actor: Actor, f: Facts<'refund_failed'>): EventDraft {
  return { event: { type: 'refund_failed', ...f }, actor, buyerVisible: false };
}
/** A refund withdrawn before it was paid, when its claim is reverted: a staff correction. */
export function refundVoided(actor: Actor, f: Facts<'refund_voided'>): EventDraft {
  return { event: { type: 'refund_voided', ...f }, actor, buyerVisible: false };
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
/** What an order edit changed, so one event tells the whole edit (item names as sold). */
export interface OrderEditChanges {
  added: Array<{ itemId: number; productName: string; quantity: number }>;
  quantities: Array<{ itemId: number; productName: string; from: number; to: number }>;
  couponName: string | null;
  pointsUsed: Won;
}
/** The buyer saw the request on My Page, so they see it withdrawn. */
export function paymentRequestCancelled(actor: Actor, f: Facts<'payment_request_cancelled'>): EventDraft {
  return { event: { type: 'payment_request_cancelled', ...f }, actor, buyerVisible: true };
}

/** A wrong tracking number taken back (배송중 → 배송대기): a staff correction, like every revert. */
export function trackingRemoved(actor: Actor, f: Facts<'tracking_removed'>): EventDraft {
  return { event: { type: 'tracking_removed', ...f }, actor, buyerVisible: false };
}
/** A deposit confirmed by mistake: the buyer sees the order awaiting payment again, not the correction. */
export function depositReverted(actor: Actor, f: Facts<'deposit_reverted'>): EventDraft {
  return { event: { type: 'deposit_reverted', ...f }, actor, buyerVisible: false };
}
/** An address without units changes nothing for the buyer yet; moving units to it does. */
export function addressAdded(actor: Actor, f: Facts<'address_added'>): EventDraft {
  return { event: { type: 'address_added', ...f }, actor, buyerVisible: false };
}
/** Where the buyer's goods go is theirs to see. */
export function addressChanged(actor: Actor, f: Facts<'address_changed'>): EventDraft {
  return { event: { type: 'address_changed', ...f }, actor, buyerVisible: true };
}
export function addressRemoved(actor: Actor, f: Facts<'address_removed'>): EventDraft {
  return { event: { type: 'address_removed', ...f }, actor, buyerVisible: false };
}
export function unitsReallocated(actor: Actor, f: Facts<'units_reallocated'>): EventDraft {
  return { event: { type: 'units_reallocated', ...f }, actor, buyerVisible: true };
}

/**
 * What the order service did with a gateway notification: applied a deposit in full, applied a
 * deposit short of what was due, or only recorded it for staff because it contradicts the ledger
 * (money never moves on a notification alone, except a deposit the gateway vouches for).
 */
export type GatewayNotificationAction = 'deposit_applied' | 'deposit_partial' | 'review_needed';

/** Gateway chatter is for staff; the buyer follows the deposit_confirmed it may cause. */
export function gatewayNotification(actor: Actor, f: Facts<'gateway_notification'>): EventDraft {
  return { event: { type: 'gateway_notification', ...f }, actor, buyerVisible: false };
}
/** Staff decided to give back what an edit left overpaid; the buyer sees why money comes back. */
export function overpaymentRefundCreated(actor: Actor, f: Facts<'overpayment_refund_created'>): EventDraft {
  return { event: { type: 'overpayment_refund_created', ...f }, actor, buyerVisible: true };
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
const CLAIM_KIND_LABELS: Record<ClaimKindName, { ko: string; en: string }> = {
  cancel: { ko: '취소', en: 'Cancel' },
  return: { ko: '반품', en: 'Return' },
  exchange: { ko: '교환', en: 'Exchange' },
};

/**
 * Due dates are shown in Korean time. KST has no daylight saving, so a fixed +9 h offset is exact
 * and needs neither the clock nor the host's time zone.
 */
function formatKst(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The remote-area surcharge difference of an address change, which an order edit settles. */
function feeNote(difference: Won, ko: boolean): string {
  if (difference === 0) return '';
  const amount = `${difference > 0 ? '+' : ''}${formatWon(difference)}`;
  return ko ? ` (도서산간 배송비 차액 ${amount}: 주문 수정으로 정산)` : ` (remote-area surcharge difference ${amount}, to settle by an order edit)`;
}

function describeEditChanges(c: OrderEditChanges, ko: boolean): string {
  const parts = [
    ...c.added.map((a) => (ko ? `${a.productName} ${a.quantity}개 추가` : `added ${a.productName} ×${a.quantity}`)),
    ...c.quantities.map((q) => (ko ? `${q.productName} 수량 ${q.from} → ${q.to}` : `${q.productName} quantity ${q.from} → ${q.to}`)),
    ...(c.couponName ? [ko ? `쿠폰 적용 (${c.couponName})` : `coupon applied (${c.couponName})`] : []),
    ...(c.pointsUsed > 0 ? [ko ? `적립금 ${formatWon(c.pointsUsed)} 사용` : `${formatWon(c.pointsUsed)} in points used`] : []),
  ];
  return parts.join(', ');
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
    case 'claim_requested':
    case 'claim_withdrawn': {
      const what = e.items.map((i) => (ko ? `품목 #${i.itemId} ${i.quantity}개` : `item #${i.itemId} ×${i.quantity}`)).join(', ');
      const kind = CLAIM_KIND_LABELS[e.claimKind][lang];
      if (e.type === 'claim_withdrawn') return ko ? `${kind} 요청 #${e.claimId}을 철회했습니다 (${what})` : `Withdrew ${kind.toLowerCase()} #${e.claimId} (${what})`;
      const reason = e.reason ? ` (${e.reason})` : '';
      return ko ? `${kind} 접수 #${e.claimId}: ${what}${reason}` : `${kind} #${e.claimId} requested: ${what}${reason}`;
    }
    case 'claim_status_changed': {
      const move = `${qualifiedStatusLabel(e.from, lang)} → ${qualifiedStatusLabel(e.to, lang)}`;
      const revert = e.kind === 'revert' ? (ko ? ' (되돌림)' : ' (reverted)') : '';
      return ko ? `${CLAIM_KIND_LABELS[e.claimKind].ko} #${e.claimId}: ${move}${revert}` : `${CLAIM_KIND_LABELS[e.claimKind].en} #${e.claimId}: ${move}${revert}`;
    }
    case 'refund_pending': {
      const note = e.note ? ` (${e.note})` : '';
      return ko
        ? `${formatWon(e.amount)} 환불을 기다리고 있습니다 (${methodLabel(e.method, lang)})${note}`
        : `Refund of ${formatWon(e.amount)} pending (${methodLabel(e.method, lang).toLowerCase()})${note}`;
    }
    case 'refund_failed':
      return ko ? `${formatWon(e.amount)} 환불이 실패했습니다: ${e.message}` : `Refund of ${formatWon(e.amount)} failed: ${e.message}`;
    case 'refund_voided':
      return ko ? `${formatWon(e.amount)} 환불을 무효 처리했습니다` : `Voided the refund of ${formatWon(e.amount)}`;
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
    case 'order_edited': {
      const what = e.changes ? describeEditChanges(e.changes, ko) : '';
      return ko
        ? `주문이 수정되었습니다${what ? `: ${what}` : ''} (합계 ${formatWon(e.totalBefore)} → ${formatWon(e.totalAfter)})`
        : `Order edited${what ? `: ${what}` : ''} (total ${formatWon(e.totalBefore)} → ${formatWon(e.totalAfter)})`;
    }
    case 'payment_request_cancelled': {
      const reason = e.reason ? ` (${e.reason})` : '';
      return ko ? `추가 결제 요청 ${formatWon(e.amount)}을 취소했습니다${reason}` : `Withdrew the additional payment request of ${formatWon(e.amount)}${reason}`;
    }
    case 'tracking_removed':
      return ko
        ? `송장번호를 취소했습니다 (${e.courier} ${e.trackingNumber})`
        : `Tracking number removed (${e.courier} ${e.trackingNumber})`;
    case 'deposit_reverted':
      return ko ? `입금 확인 ${formatWon(e.amount)}을 취소했습니다 (입금대기로 되돌림)` : `Deposit confirmation of ${formatWon(e.amount)} reverted (awaiting payment again)`;
    case 'address_added':
      return ko ? `배송지를 추가했습니다 (#${e.addressId})` : `Added shipping address #${e.addressId}`;
    case 'address_changed':
      return ko
        ? `배송지 정보를 수정했습니다 (#${e.addressId})${feeNote(e.remoteFeeDifference, ko)}`
        : `Changed shipping address #${e.addressId}${feeNote(e.remoteFeeDifference, ko)}`;
    case 'address_removed':
      return ko ? `배송지를 삭제했습니다 (#${e.addressId})` : `Removed shipping address #${e.addressId}`;
    case 'units_reallocated': {
      const what = e.moves.map((m) => (ko ? `품목 #${m.itemId} ${m.quantity}개` : `item #${m.itemId} ×${m.quantity}`)).join(', ');
      return ko
        ? `${what}를 다른 배송지(#${e.toAddressId})로 옮겼습니다${feeNote(e.remoteFeeDifference, ko)}`
        : `Moved ${what} to shipping address #${e.toAddressId}${feeNote(e.remoteFeeDifference, ko)}`;
    }
    case 'gateway_notification':
      return describeGatewayNotification(e, ko);
    case 'overpayment_refund_created':
      return ko
        ? `초과 결제금 ${formatWon(e.amount)} 환불을 시작했습니다 (${e.reason})`
        : `Started refunding the overpaid ${formatWon(e.amount)} (${e.reason})`;
  }
}

function gatewaySaid(e: Extract<TimelineEvent, { type: 'gateway_notification' }>, ko: boolean): string {
  if (e.notification === 'deposit_confirmed') {
    if (e.amount === null) return ko ? '입금 확인' : 'deposit confirmed';
    return ko ? `입금 ${formatWon(e.amount)} 확인` : `deposit of ${formatWon(e.amount)} confirmed`;
  }
  if (e.notification === 'payment_cancelled') return ko ? '결제 취소' : 'payment cancelled';
  return ko ? `상태 ${e.gatewayStatus ?? '알 수 없음'}` : `status ${e.gatewayStatus ?? 'unknown'}`;
}

function describeGatewayNotification(e: Extract<TimelineEvent, { type: 'gateway_notification' }>, ko: boolean): string {
  const said = gatewaySaid(e, ko);
  const head = ko ? `PG(${e.gateway}) 알림: 결제 #${e.paymentId} ${said}` : `Gateway (${e.gateway}) notice: payment #${e.paymentId} ${said}`;
  switch (e.action) {
    case 'deposit_applied':
      return ko ? `${head} — 입금 확인 처리했습니다` : `${head}; deposit confirmed`;
    case 'deposit_partial': {
      const short = e.amount !== null && e.due !== null ? e.due - e.amount : null;
      const rest = short === null ? '' : ko ? ` (${formatWon(short)} 부족)` : ` (${formatWon(short)} short)`;
      return ko
        ? `${head} — 결제 금액 ${formatWon(e.due ?? 0)}보다 적게 입금되어 입금액만 반영하고 입금대기로 두었습니다${rest}`
        : `${head}; less than the ${formatWon(e.due ?? 0)} due was deposited, so only the deposit was recorded and the order still awaits payment${rest}`;
    }
    case 'review_needed':
      return ko
        ? `${head} — 주문의 결제 내역과 다릅니다. 금액은 자동으로 변경하지 않았으니 PG 관리자 화면에서 확인하세요`
        : `${head}; this contradicts the order's payments. No money was moved automatically: check the gateway's console`;
  }
}
