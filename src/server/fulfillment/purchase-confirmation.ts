import { purchaseConfirmed, statusesChanged, type Actor, type EventDraft } from '../../domain/events';
import type { GroupState } from '../../domain/fulfillment-moves';
import { planStatusChanges } from '../../domain/fulfillment-plan';
import type { Tx } from '../db/client';
import { AppError } from '../http/errors';
import type { ChangeOutcome, OrderRow } from '../orders/mutation';
import { loadClaimOrigins, loadGroups, writePlan } from './queries';
import { refuse } from './refuse';

/** Units of one item in one shipment group. */
export interface GroupUnitsRef {
  shipmentGroupId: number;
  itemId: number;
  quantity: number;
}

export interface PurchaseConfirmation {
  /** What was confirmed, per item. */
  items: Array<{ itemId: number; quantity: number }>;
  units: number;
}

/** Every delivered unit of the order (배송완료), group by group. */
export function deliveredUnits(groups: readonly GroupState[], deliveredBefore?: Date): GroupUnitsRef[] {
  return groups
    .filter((g) => g.status === 'delivered' && (!deliveredBefore || (g.deliveredAt !== null && g.deliveredAt < deliveredBefore)))
    .flatMap((g) => g.items.filter((u) => u.quantity > 0).map((u) => ({ shipmentGroupId: g.id, itemId: u.itemId, quantity: u.quantity })));
}

/** Repeated lines for the same group and item add up, so the planner sees each once. */
function merged(units: readonly GroupUnitsRef[]): GroupUnitsRef[] {
  const byKey = new Map<string, GroupUnitsRef>();
  for (const u of units) {
    const key = `${u.shipmentGroupId}:${u.itemId}`;
    byKey.set(key, { ...u, quantity: (byKey.get(key)?.quantity ?? 0) + u.quantity });
  }
  return [...byKey.values()];
}

/**
 * 구매확정: delivered units move to purchase_confirmed, on the parcel they arrived in. The buyer
 * reads one line for it (one `purchase_confirmed` event naming items and quantities); the
 * `statuses_changed` event is written too, for staff's history and the storefront's
 * `order.updated` webhook (a shop may award points on 구매확정), but hidden from the buyer, who
 * would otherwise read the same thing twice. A unit that is not delivered (still on its way,
 * already confirmed, in a claim) refuses the whole request with PURCHASE_CONFIRM_NOT_ALLOWED,
 * before anything is written.
 */
export async function confirmPurchase(
  tx: Tx,
  order: OrderRow,
  units: readonly GroupUnitsRef[] | 'all-delivered',
  actor: Actor,
  automatic: boolean,
  now: Date,
): Promise<ChangeOutcome<PurchaseConfirmation>> {
  const groups = await loadGroups(tx, order.shopId, order.id);
  const wanted = merged(units === 'all-delivered' ? deliveredUnits(groups) : units);
  if (wanted.length === 0) throw new AppError('PURCHASE_CONFIRM_NOT_ALLOWED', { reason: 'no delivered units' });
  for (const u of wanted) {
    const group = groups.find((g) => g.id === u.shipmentGroupId);
    // an unknown group is the planner's SHIPMENT_GROUP_NOT_FOUND; a known one must be delivered
    if (group && group.status !== 'delivered') {
      throw new AppError('PURCHASE_CONFIRM_NOT_ALLOWED', { shipmentGroupId: group.id, itemId: u.itemId, status: group.status });
    }
  }
  const keep = new Set((await loadClaimOrigins(tx, order.shopId, order.id)).map((c) => c.fromShipmentGroupId));
  const planned = planStatusChanges(groups, wanted.map((u) => ({ ...u, to: 'purchase_confirmed' as const })), undefined, now, keep);
  if (!planned.ok) refuse(planned);
  const { plan } = planned;
  await writePlan(tx, order.shopId, order.id, groups, plan, now);

  const perItem = new Map<number, number>();
  for (const m of plan.moved) perItem.set(m.itemId, (perItem.get(m.itemId) ?? 0) + m.quantity);
  const items = [...perItem].map(([itemId, quantity]) => ({ itemId, quantity }));
  const events: EventDraft[] = [
    purchaseConfirmed(actor, { items, automatic }),
    ...statusesChanged(actor, plan.moved).map((d) => ({ ...d, buyerVisible: false })),
  ];
  return { events, result: { items, units: items.reduce((s, i) => s + i.quantity, 0) } };
}
