import type { EventDraft } from '../../domain/events';

/** An event as its timeline row: the one mapping of an actor to columns (the seed writes rows too). */
export function eventRow(shopId: number, orderId: number, d: EventDraft, at: Date) {
  return {
    shopId,
    orderId,
    type: d.event.type,
    actorKind: d.actor.kind,
    actorId: d.actor.kind === 'staff' ? d.actor.id : null,
    actorName: d.actor.kind === 'staff' || d.actor.kind === 'buyer' ? d.actor.name : d.actor.kind === 'api' ? d.actor.keyName : null,
    payload: d.event,
    buyerVisible: d.buyerVisible,
    createdAt: at,
  };
}
