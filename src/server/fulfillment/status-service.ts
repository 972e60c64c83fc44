import type { StatusChangeBody, StatusChangeResult } from '../../contracts/fulfillment';
import { courierCodeOf } from '../../domain/couriers';
import { statusesChanged, trackingAssigned, trackingRemoved, type Actor, type EventDraft } from '../../domain/events';
import type { GroupRef } from '../../domain/fulfillment-moves';
import { planStatusChanges, type StatusChangePlan } from '../../domain/fulfillment-plan';
import type { Tx } from '../db/client';
import type { ChangeOutcome, OrderRow } from '../orders/mutation';
import { heldGroupsOf, refuseHeld, withoutHeld } from '../payments/requests/held-units';
import { createdIds, loadClaimOrigins, loadGroups, writePlan } from './queries';
import { refuse } from './refuse';

/** The timeline of a status change: old parcels removed, the units moved (one line listing them), new parcels assigned. */
export function statusChangeEvents(plan: StatusChangePlan, actor: Actor, idOf: (ref: GroupRef) => number): EventDraft[] {
  return [
    // the old number first: the history reads "removed X, shipped with Y" when both happen
    ...plan.trackingRemoved.map((t) => trackingRemoved(actor, { shipmentId: t.shipmentGroupId, courier: t.courier, trackingNumber: t.trackingNumber })),
    ...statusesChanged(actor, plan.moved),
    ...plan.trackingAssigned.map((t) => trackingAssigned(actor, { shipmentId: idOf(t.group), courier: t.courier, trackingNumber: t.trackingNumber })),
  ];
}

/**
 * Moves quantities of items along the status table (forward or revert) in one go. Planning is pure
 * and happens before any write, so a refused request leaves the order exactly as it was. The
 * parcel's courier is stored as its code when it is one we know ("CJ대한통운" → CJ), else as typed.
 */
export async function changeStatuses(tx: Tx, order: OrderRow, body: StatusChangeBody, actor: Actor, now: Date): Promise<ChangeOutcome<StatusChangeResult>> {
  // units waiting for an additional payment move only when it is paid; the plan never touches their groups
  const held = new Set((await heldGroupsOf(tx, order.shopId, order.id)).map((h) => h.id));
  refuseHeld(held, body.changes);
  const groups = withoutHeld(await loadGroups(tx, order.shopId, order.id), held);
  const keep = new Set((await loadClaimOrigins(tx, order.shopId, order.id)).map((c) => c.fromShipmentGroupId));
  const shipment = body.shipment && { ...body.shipment, courier: courierCodeOf(body.shipment.courier) };
  const planned = planStatusChanges(groups, body.changes, shipment, now, keep);
  if (!planned.ok) refuse(planned);
  const { plan } = planned;

  const idOf = await writePlan(tx, order.shopId, order.id, groups, plan, now);
  const events = statusChangeEvents(plan, actor, idOf);
  return {
    events,
    result: {
      moves: plan.moved.map((m) => ({
        itemId: m.itemId,
        quantity: m.quantity,
        from: m.from,
        to: m.to,
        kind: m.kind,
        fromShipmentGroupId: m.fromGroupId,
        toShipmentGroupId: idOf(m.toGroup),
      })),
      createdShipmentGroupIds: createdIds(plan, idOf),
      removedShipmentGroupIds: plan.removedGroupIds,
    },
  };
}
