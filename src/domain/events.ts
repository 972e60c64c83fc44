/**
 * Timeline events: an append-only, typed history of an order. One constructor per event (as in
 * Saleor's events.py) decides once whether the buyer may see it, so call sites cannot disagree.
 * Payloads hold ids and the facts at the time, not copies of mutable text (a memo's body can be
 * edited or deleted later; the timeline points at it).
 */
import type { BuyerMoment, MessageChannel } from './buyer-message-moments';
import type { ClaimReasonCode } from './claim-reasons';
import type { Won } from './money';
import type { TransitionKind, UnitStatus } from './status';

export type Actor = { kind: 'staff'; id: number; name: string } | { kind: 'buyer'; name: string } | { kind: 'system' } | { kind: 'api'; keyName: string };

export type TimelineEvent =
  | { type: 'order_created'; channel: string; total: Won; itemCount: number }
  | { type: 'payment_pending'; paymentId: number; method: string; amount: Won; dueAt: string | null }
  /** `requestId`: the payment settles that payment request (events written before it was recorded lack it). */
  | { type: 'payment_captured'; paymentId: number; method: string; amount: Won; requestId?: number }
  | { type: 'payment_failed'; paymentId: number; method: string; amount: Won; reason: string | null }
  | { type: 'deposit_confirmed'; paymentId: number; amount: Won; depositorName: string | null }
  | { type: 'payment_requested'; requestId: number; amount: Won; reason: string | null }
  | { type: 'refund_completed'; refundId: number; amount: Won; method: string }
  /**
   * `reason`: the reason as written at the time (Korean label and words); `reasonCode` and `reasonText`
   * (events since reason codes) let the timeline read the label in the reader's language.
   */
  | { type: 'claim_requested'; claimId: number; claimKind: ClaimKindName; items: ClaimedUnits; reason: string | null; reasonCode?: ClaimReasonCode | undefined; reasonText?: string | null | undefined }
  | { type: 'claim_status_changed'; claimId: number; claimKind: ClaimKindName; from: UnitStatus; to: UnitStatus; kind: TransitionKind }
  | { type: 'claim_withdrawn'; claimId: number; claimKind: ClaimKindName; items: ClaimedUnits }
  | { type: 'refund_pending'; refundId: number; amount: Won; method: string; note: string | null }
  | { type: 'refund_failed'; refundId: number; amount: Won; message: string }
  | { type: 'refund_voided'; refundId: number; amount: Won }
  | { type: 'memo_added'; memoId: number }
  | { type: 'memo_edited'; memoId: number }
  | { type: 'memo_deleted'; memoId: number }
  /** One change's unit moves, every item it moved on one line (since issue 12; `status_changed` is the older one-line-per-move form still read from history). */
  | { type: 'statuses_changed'; kind: TransitionKind; moves: UnitMove[] }
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
  | { type: 'overpayment_refund_created'; refundId: number; amount: Won; reason: string }
  /** A guest lookup of this order failed (wrong phone/name or password); `locked`: lookups of it are now refused for a while. */
  | { type: 'guest_lookup_failed'; clientAddress: string; failures: number; locked: boolean }
  /** A gateway capture for a request no longer payable (paid, withdrawn, expired) was cancelled at the gateway at once. */
  | { type: 'payment_voided'; requestId: number; gateway: string; paymentKey: string; amount: Won; reason: 'request_paid' | 'request_cancelled' | 'request_expired'; cancelled: boolean }
  /** Units an edit added were released for shipping once the additional payment came in (입금대기 → 결제완료). */
  | { type: 'held_units_released'; requestId: number | null; items: ClaimedUnits }
  /** The buyer (or the auto-confirm job) confirmed the purchase of these units. */
  | { type: 'purchase_confirmed'; items: ClaimedUnits; automatic: boolean }
  /** An unpaid order past its due date was cancelled by the system (the virtual account closed at the gateway). */
  | { type: 'unpaid_order_cancelled'; dueAt: string; items: ClaimedUnits; accountClosed: boolean }
  /**
   * A buyer message went out, fell back from 알림톡 to SMS, failed for good, or was not sent (no
   * usable phone or e-mail). Staff-only: the buyer has the message itself. `messageId` is the
   * outbox row staff can resend; `recipient` is masked.
   */
  | { type: 'buyer_message_sent'; messageId: number; moment: BuyerMoment; channel: MessageChannel; recipient: string; transport: string }
  | { type: 'buyer_message_fell_back'; messageId: number; fallbackId: number; moment: BuyerMoment; recipient: string; reason: string }
  | { type: 'buyer_message_failed'; messageId: number; moment: BuyerMoment; channel: MessageChannel; recipient: string; error: string }
  | { type: 'buyer_message_skipped'; moment: BuyerMoment; channel: MessageChannel; reason: 'no_phone' | 'invalid_phone' | 'no_email' | 'invalid_email' };

export type TimelineEventType = TimelineEvent['type'];

export type ClaimKindName = 'cancel' | 'return' | 'exchange';
type ClaimedUnits = Array<{ itemId: number; quantity: number }>;
/** Units of one item moved from one status to another (one parcel's worth: an item may move from two parcels). */
export interface UnitMove {
  itemId: number;
  quantity: number;
  from: UnitStatus;
  to: UnitStatus;
}

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
 * buyer sees the resulting status on My Page, not the correction. Kept for history written before
 * `statusesChanged`; new changes write that.
 */
export function statusChanged(actor: Actor, f: Facts<'status_changed'>): EventDraft {
  return { event: { type: 'status_changed', ...f }, actor, buyerVisible: f.kind === 'forward' };
}
/**
 * The unit moves of one change as one timeline line listing its items ("면 양말 2개, 린넨 셔츠
 * 1개를 상품준비중으로 변경했습니다"), not a line per item. Forward moves are the buyer's to follow,
 * reverts are staff corrections hidden from them, so a change that did both writes one event of each.
 */
export function statusesChanged(actor: Actor, moves: ReadonlyArray<UnitMove & { kind: TransitionKind }>): EventDraft[] {
  const drafts: EventDraft[] = [];
  for (const kind of ['forward', 'revert'] as const) {
    const mine = moves.filter((m) => m.kind === kind).map(({ itemId, quantity, from, to }) => ({ itemId, quantity, from, to }));
    if (mine.length > 0) drafts.push({ event: { type: 'statuses_changed', kind, moves: mine }, actor, buyerVisible: kind === 'forward' });
  }
  return drafts;
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

/** Guessing at an order is staff's to know; the buyer is only told the lookup failed. */
export function guestLookupFailed(actor: Actor, f: Facts<'guest_lookup_failed'>): EventDraft {
  return { event: { type: 'guest_lookup_failed', ...f }, actor, buyerVisible: false };
}
/** The buyer was charged for nothing and refunded at once: they must be able to read that. */
export function paymentVoided(actor: Actor, f: Facts<'payment_voided'>): EventDraft {
  return { event: { type: 'payment_voided', ...f }, actor, buyerVisible: true };
}
export function heldUnitsReleased(actor: Actor, f: Facts<'held_units_released'>): EventDraft {
  return { event: { type: 'held_units_released', ...f }, actor, buyerVisible: true };
}
export function purchaseConfirmed(actor: Actor, f: Facts<'purchase_confirmed'>): EventDraft {
  return { event: { type: 'purchase_confirmed', ...f }, actor, buyerVisible: true };
}
export function unpaidOrderCancelled(actor: Actor, f: Facts<'unpaid_order_cancelled'>): EventDraft {
  return { event: { type: 'unpaid_order_cancelled', ...f }, actor, buyerVisible: true };
}

/** What was sent to the buyer and how it went is staff's record; the buyer has the message itself. */
export function buyerMessageEvent(event: Extract<TimelineEvent, { type: `buyer_message_${string}` }>): EventDraft {
  return { event, actor: { kind: 'system' }, buyerVisible: false };
}

// Descriptions live beside the types: one file for what happened, one for how it reads.
export { describeEvent } from './event-descriptions';
