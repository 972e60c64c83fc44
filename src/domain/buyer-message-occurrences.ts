/**
 * Which buyer moments a change reached, read from the timeline events it wrote — as webhooks are —
 * so no route can forget to tell the buyer. Each occurrence names what it is about (`subject`):
 * with the order, moment and recipient it makes the key that stops a message going out twice.
 */
import type { BuyerMoment } from './buyer-message-moments';
import type { EventDraft } from './events';

export type MomentOccurrence =
  | { moment: 'order_received'; subject: string }
  | { moment: 'deposit_confirmed'; subject: string; paymentId: number; amount: number }
  | { moment: 'payment_requested'; subject: string; requestId: number }
  | { moment: 'shipped'; subject: string; shipmentId: number; courier: string; trackingNumber: string }
  | { moment: 'cancel_accepted' | 'return_accepted' | 'exchange_accepted' | 'exchange_shipped'; subject: string; claimId: number }
  | { moment: 'refund_completed'; subject: string; refundId: number }
  | { moment: 'purchase_auto_confirmed'; subject: string; items: Array<{ itemId: number; quantity: number }> }
  | { moment: 'unpaid_cancelled'; subject: string; dueAt: string };

const ACCEPTED: Partial<Record<string, BuyerMoment>> = {
  cancelled: 'cancel_accepted',
  return_collecting: 'return_accepted',
  exchange_collecting: 'exchange_accepted',
};

/**
 * The moments in one change of one order, in the order their events were written. An unpaid
 * order cancelled by the system is told as that (미입금 자동 취소), not also as a cancel accepted.
 */
export function buyerMomentsOf(drafts: readonly EventDraft[]): MomentOccurrence[] {
  const out = momentsIn(drafts);
  return out.some((o) => o.moment === 'unpaid_cancelled') ? out.filter((o) => o.moment !== 'cancel_accepted') : out;
}

function momentsIn(drafts: readonly EventDraft[]): MomentOccurrence[] {
  const out: MomentOccurrence[] = [];
  for (const { event } of drafts) {
    switch (event.type) {
      case 'order_created':
        out.push({ moment: 'order_received', subject: 'order' });
        break;
      case 'deposit_confirmed':
        out.push({ moment: 'deposit_confirmed', subject: `payment:${event.paymentId}`, paymentId: event.paymentId, amount: event.amount });
        break;
      case 'payment_requested':
        out.push({ moment: 'payment_requested', subject: `request:${event.requestId}`, requestId: event.requestId });
        break;
      case 'tracking_assigned':
        out.push({ moment: 'shipped', subject: `shipment:${event.shipmentId}:${event.trackingNumber}`, shipmentId: event.shipmentId, courier: event.courier, trackingNumber: event.trackingNumber });
        break;
      case 'claim_status_changed': {
        if (event.kind !== 'forward') break;
        // acceptance: a cancel completes; a return or exchange starts its collection
        const accepted = ACCEPTED[event.to];
        if (accepted && (event.to !== 'cancelled' || event.claimKind === 'cancel')) out.push({ moment: accepted as 'cancel_accepted', subject: `claim:${event.claimId}`, claimId: event.claimId });
        if (event.to === 'exchange_reshipped') out.push({ moment: 'exchange_shipped', subject: `claim:${event.claimId}:reshipped`, claimId: event.claimId });
        break;
      }
      case 'refund_completed':
        out.push({ moment: 'refund_completed', subject: `refund:${event.refundId}`, refundId: event.refundId });
        break;
      case 'purchase_confirmed':
        if (event.automatic) {
          const key = event.items.map((i) => `${i.itemId}x${i.quantity}`).join(',');
          out.push({ moment: 'purchase_auto_confirmed', subject: `confirm:${key}`, items: event.items });
        }
        break;
      case 'unpaid_order_cancelled':
        out.push({ moment: 'unpaid_cancelled', subject: 'unpaid', dueAt: event.dueAt });
        break;
      default:
        break;
    }
  }
  return out;
}
