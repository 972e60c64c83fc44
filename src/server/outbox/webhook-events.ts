import type { WebhookEventType } from '../../contracts/webhooks';
import type { EventDraft, TimelineEvent } from '../../domain/events';

/** An event as a storefront hears it: its type and the facts of `data` besides the order. */
export interface WebhookEvent {
  type: WebhookEventType;
  data: Record<string, unknown>;
}

const COMPLETED: ReadonlySet<string> = new Set(['cancelled', 'returned', 'exchanged']);

/**
 * The webhooks one change of one order sends, from the timeline events it wrote: every route
 * writes those, so no route can forget a webhook. Unit and claim status moves of one change make
 * one `order.updated`. Staff-only facts never leave: memos, gateway chatter, staff names and notes.
 */
export function webhookEventsOf(drafts: readonly EventDraft[]): WebhookEvent[] {
  const out: WebhookEvent[] = [];
  const unitChanges: Array<Record<string, unknown>> = [];
  const claimChanges: Array<Record<string, unknown>> = [];
  for (const { event } of drafts) {
    if (event.type === 'statuses_changed') {
      // one timeline line per change, but the webhook keeps listing every move as it always did
      for (const m of event.moves) unitChanges.push({ itemId: m.itemId, quantity: m.quantity, from: m.from, to: m.to, kind: event.kind });
    } else if (event.type === 'status_changed') {
      unitChanges.push({ itemId: event.itemId, quantity: event.quantity, from: event.from, to: event.to, kind: event.kind });
    } else if (event.type === 'held_units_released') {
      // an edit's units the additional payment released: 입금대기 → 결제완료, as a deposit moves them
      for (const u of event.items) unitChanges.push({ itemId: u.itemId, quantity: u.quantity, from: 'awaiting_payment', to: 'paid', kind: 'forward' });
    } else if (event.type === 'claim_requested') {
      // a request moves its units too (결제완료 → 취소접수): the order's statuses changed
      claimChanges.push({ claimId: event.claimId, claimKind: event.claimKind, from: null, to: `${event.claimKind}_requested`, kind: 'forward' });
    } else if (event.type === 'claim_status_changed') {
      claimChanges.push({ claimId: event.claimId, claimKind: event.claimKind, from: event.from, to: event.to, kind: event.kind });
    }
    out.push(...single(event));
  }
  if (unitChanges.length > 0 || claimChanges.length > 0) out.push({ type: 'order.updated', data: { unitStatusChanges: unitChanges, claimStatusChanges: claimChanges } });
  return out;
}

function single(event: TimelineEvent): WebhookEvent[] {
  switch (event.type) {
    case 'order_created':
      return [{ type: 'order.created', data: { channel: event.channel, total: event.total, itemCount: event.itemCount } }];
    case 'payment_captured': {
      const payment = { paymentId: event.paymentId, method: event.method, amount: event.amount };
      const captured: WebhookEvent = { type: 'payment.captured', data: { payment } };
      if (event.requestId === undefined) return [captured];
      return [captured, { type: 'payment_request.paid', data: { paymentRequest: { id: event.requestId, amount: event.amount }, payment } }];
    }
    case 'deposit_confirmed':
      // a 무통장/가상계좌 deposit is the capture of a pending payment; the depositor's name stays inside
      return [{ type: 'payment.captured', data: { payment: { paymentId: event.paymentId, method: null, amount: event.amount } } }];
    case 'payment_requested':
      return [{ type: 'payment_request.created', data: { paymentRequest: { id: event.requestId, amount: event.amount, reason: event.reason } } }];
    case 'claim_requested':
      return [{ type: 'claim.requested', data: { claim: { id: event.claimId, kind: event.claimKind, items: event.items, reason: event.reason, reasonCode: event.reasonCode ?? null, reasonText: event.reasonText ?? null } } }];
    case 'claim_status_changed':
      return event.kind === 'forward' && COMPLETED.has(event.to) ? [{ type: 'claim.completed', data: { claim: { id: event.claimId, kind: event.claimKind, status: event.to } } }] : [];
    case 'refund_completed':
      return [{ type: 'refund.completed', data: { refund: { id: event.refundId, amount: event.amount, method: event.method } } }];
    case 'tracking_assigned':
      return [{ type: 'shipment.shipped', data: { shipment: { id: event.shipmentId, courier: event.courier, trackingNumber: event.trackingNumber } } }];
    default:
      return [];
  }
}
