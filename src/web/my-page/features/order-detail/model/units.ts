import type { MyOrderDetail } from '../../../../../contracts/my';

/** Units the buyer may act on now (one of the detail's `actions` lists). */
export type ActionableUnits = MyOrderDetail['actions']['cancellable'];
export type ClaimUnits = Array<{ itemId: number; shipmentGroupId: number; quantity: number }>;

/** An item as the buyer picks it: how many of its units the action may take, over which parcels. */
export interface PickableItem {
  itemId: number;
  name: string;
  optionName: string | null;
  max: number;
  groups: Array<{ shipmentGroupId: number; quantity: number; status: string | null }>;
}

// The less a unit has moved, the sooner it goes: a cancel then takes units nobody prepared yet.
const PROGRESS = ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship', 'shipping', 'delivered'];
const progress = (status: string | null) => (status === null ? PROGRESS.length : PROGRESS.indexOf(status) === -1 ? PROGRESS.length : PROGRESS.indexOf(status));

/**
 * The units of an action grouped by item: a buyer does not know shipment groups, so the picker
 * asks "how many of this item" and toClaimUnits spreads the count over the groups.
 */
export function pickableItems(order: Pick<MyOrderDetail, 'items' | 'parcels'>, units: ActionableUnits): PickableItem[] {
  const statusOf = new Map(order.parcels.map((p) => [p.shipmentGroupId, p.status]));
  const byItem = new Map<number, PickableItem>();
  for (const unit of units) {
    if (unit.quantity <= 0) continue;
    let entry = byItem.get(unit.itemId);
    if (!entry) {
      const item = order.items.find((i) => i.itemId === unit.itemId);
      entry = { itemId: unit.itemId, name: item?.productName ?? `#${unit.itemId}`, optionName: item?.optionName ?? null, max: 0, groups: [] };
      byItem.set(unit.itemId, entry);
    }
    entry.max += unit.quantity;
    entry.groups.push({ shipmentGroupId: unit.shipmentGroupId, quantity: unit.quantity, status: statusOf.get(unit.shipmentGroupId) ?? null });
  }
  const items = [...byItem.values()];
  for (const item of items) item.groups.sort((a, b) => progress(a.status) - progress(b.status));
  // in the order's own item order
  const position = new Map(order.items.map((item, index) => [item.itemId, index]));
  return items.sort((a, b) => (position.get(a.itemId) ?? 0) - (position.get(b.itemId) ?? 0));
}

/** Picked counts per item → the units to send, taken from the least advanced parcels first. */
export function toClaimUnits(items: PickableItem[], picked: Record<number, number>): ClaimUnits {
  const units: ClaimUnits = [];
  for (const item of items) {
    let left = Math.min(Math.max(0, Math.floor(picked[item.itemId] ?? 0)), item.max);
    for (const group of item.groups) {
      if (left <= 0) break;
      const take = Math.min(left, group.quantity);
      units.push({ itemId: item.itemId, shipmentGroupId: group.shipmentGroupId, quantity: take });
      left -= take;
    }
  }
  return units;
}

/** The statuses a cancel completes at once from, when the shop allows it: nobody has started on them. */
const UNPREPARED = new Set(['awaiting_payment', 'paid']);

/** Whether a cancel of these units completes at once (the shop allows it and none was prepared). */
export function cancelsAtOnce(order: Pick<MyOrderDetail, 'parcels' | 'actions'>, units: ClaimUnits): boolean {
  if (!order.actions.instantCancel || units.length === 0) return false;
  const statusOf = new Map(order.parcels.map((p) => [p.shipmentGroupId, p.status]));
  return units.every((u) => UNPREPARED.has(statusOf.get(u.shipmentGroupId) ?? ''));
}

/** A 무통장 or virtual-account payment was received: its refund goes to a bank account the buyer names. */
export function needsRefundAccount(order: Pick<MyOrderDetail, 'payment'>): boolean {
  return order.payment.payments.some((p) => (p.method === 'bank_transfer' || p.method === 'virtual_account') && p.status === 'captured');
}

export const itemLabel = (item: { name: string; optionName: string | null }) => (item.optionName ? `${item.name} (${item.optionName})` : item.name);
