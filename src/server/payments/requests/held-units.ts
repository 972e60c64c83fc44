/**
 * Units an edit added while the buyer owed for them wait in *held* shipment groups
 * (shipment_groups.held_for_change_id = the edit): 입금대기, left out of shipping moves and bulk
 * jobs, until the additional payment comes in. This module finds them and releases them.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { heldUnitsReleased, type Actor, type EventDraft } from '../../../domain/events';
import { applyMoves, type GroupState, type UnitMove } from '../../../domain/fulfillment-moves';
import type { Executor } from '../../db/client';
import { claimItems, shipmentGroups } from '../../db/schema/index';
import { AppError } from '../../http/errors';
import { loadClaimOrigins, loadGroups, writePlan } from '../../fulfillment/queries';
import { inIds } from '../../order-list/sql-arrays';
import { loadOrderRows } from '../../orders/read-queries';
import { summarizeRows } from './queries';

export interface HeldGroup {
  id: number;
  changeId: number;
}

/** The order's held groups with the edit each waits for. */
export async function heldGroupsOf(tx: Executor, shopId: number, orderId: number): Promise<HeldGroup[]> {
  const rows = await tx
    .select({ id: shipmentGroups.id, changeId: shipmentGroups.heldForChangeId })
    .from(shipmentGroups)
    .where(and(eq(shipmentGroups.shopId, shopId), eq(shipmentGroups.orderId, orderId), isNotNull(shipmentGroups.heldForChangeId)));
  return rows.flatMap((r) => (r.changeId === null ? [] : [{ id: r.id, changeId: r.changeId }]));
}

/** The held group ids of many orders (a bulk job's batch), one query. */
export async function heldGroupIdsOf(tx: Executor, shopId: number, orderIds: readonly number[]): Promise<Map<number, Set<number>>> {
  const result = new Map<number, Set<number>>(orderIds.map((id) => [id, new Set()]));
  if (orderIds.length === 0) return result;
  const rows = await tx
    .select({ id: shipmentGroups.id, orderId: shipmentGroups.orderId })
    .from(shipmentGroups)
    .where(and(eq(shipmentGroups.shopId, shopId), inIds(shipmentGroups.orderId, orderIds), isNotNull(shipmentGroups.heldForChangeId)));
  for (const r of rows) result.get(r.orderId)?.add(r.id);
  return result;
}

/** Groups a plan may move units out of or into: held groups are not among them. */
export function withoutHeld(groups: readonly GroupState[], held: ReadonlySet<number>): GroupState[] {
  return groups.filter((g) => !held.has(g.id));
}

/**
 * Refuses a change that names units waiting for an additional payment: only that payment moves
 * them (to 결제완료); until then they stay out of shipping. Cancelling them is a claim, not this.
 */
export function refuseHeld(held: ReadonlySet<number>, named: ReadonlyArray<{ shipmentGroupId: number; itemId: number }>): void {
  const hit = named.find((n) => held.has(n.shipmentGroupId));
  if (hit) throw new AppError('HELD_FOR_ADDITIONAL_PAYMENT', { shipmentGroupId: hit.shipmentGroupId, itemId: hit.itemId });
}

const PAID_PLACE = { status: 'paid' as const, courier: null, trackingNumber: null, shippedAt: null, deliveredAt: null };

export interface ReleaseTrigger {
  /** The edit the payment was asked for (payment_requests.order_change_id): its units go at once. */
  changeId: number | null;
  /** The request paid, for the timeline; null when a deposit settled the balance. */
  requestId: number | null;
}

/**
 * After money came in (a request paid, a deposit confirmed), in the same transaction: the units
 * held for `changeId` become 결제완료, and once the order's balance due is settled (≤ 0) every held
 * unit of the order does. They move as a confirmed deposit moves units, where they stand, joining
 * the 결제완료 group at their address when there is one (applyMoves keeps one group per place).
 * Claims that took units from a released group will put them back as 결제완료 if withdrawn: the
 * buyer has paid for them. The ledger is untouched: balance due depends on money, not on statuses.
 */
export interface Released {
  events: EventDraft[];
  units: number;
  /** The groups now holding the released units. */
  shipmentGroupIds: number[];
}

const NOTHING: Released = { events: [], units: 0, shipmentGroupIds: [] };

export async function releaseHeldUnits(tx: Executor, order: { shopId: number; id: number }, trigger: ReleaseTrigger, actor: Actor, now: Date): Promise<Released> {
  const { shopId, id: orderId } = order;
  const held = await heldGroupsOf(tx, shopId, orderId);
  if (held.length === 0) return NOTHING;
  const rows = await loadOrderRows(tx, shopId, orderId);
  if (!rows) throw new Error(`order ${orderId} vanished inside its own mutation`);
  const settled = summarizeRows(rows).balanceDue <= 0;
  const released = held.filter((h) => settled || (trigger.changeId !== null && h.changeId === trigger.changeId)).map((h) => h.id);
  if (released.length === 0) return NOTHING;

  const releasedSet = new Set(released);
  const stillHeld = new Set(held.map((h) => h.id).filter((id) => !releasedSet.has(id)));
  const groups = withoutHeld(await loadGroups(tx, shopId, orderId), stillHeld);
  const keep = new Set((await loadClaimOrigins(tx, shopId, orderId)).map((c) => c.fromShipmentGroupId));
  const moves: UnitMove[] = groups
    .filter((g) => releasedSet.has(g.id) && g.status === 'awaiting_payment')
    .flatMap((g) => g.items.filter((u) => u.quantity > 0).map((u) => ({ fromGroupId: g.id, itemId: u.itemId, quantity: u.quantity, to: { addressId: g.addressId, ...PAID_PLACE } })));

  const items = new Map<number, number>();
  const into = new Set<number>();
  if (moves.length > 0) {
    const applied = applyMoves(groups, moves, keep);
    if (!applied.ok) throw new Error(`releasing held units failed: ${applied.code}`);
    const idOf = await writePlan(tx, shopId, orderId, groups, applied.plan, now);
    for (const m of applied.plan.moved) {
      items.set(m.itemId, (items.get(m.itemId) ?? 0) + m.quantity);
      into.add(idOf(m.toGroup));
    }
  }
  // a group that took the released units in (or was emptied but kept for a claim) is no longer held
  await tx.update(shipmentGroups).set({ heldForChangeId: null }).where(and(eq(shipmentGroups.shopId, shopId), inArray(shipmentGroups.id, released)));
  await tx
    .update(claimItems)
    .set({ fromStatus: 'paid' })
    .where(and(eq(claimItems.shopId, shopId), eq(claimItems.orderId, orderId), inArray(claimItems.fromShipmentGroupId, released), eq(claimItems.fromStatus, 'awaiting_payment')));
  if (items.size === 0) return NOTHING;
  return {
    events: [heldUnitsReleased(actor, { requestId: trigger.requestId, items: [...items].map(([itemId, quantity]) => ({ itemId, quantity })) })],
    units: [...items.values()].reduce((n, q) => n + q, 0),
    shipmentGroupIds: [...into],
  };
}

/** Units held for one edit, per group and item: what withdrawing its request may remove. */
export async function unitsHeldFor(tx: Executor, shopId: number, orderId: number, changeId: number) {
  const groups = (await heldGroupsOf(tx, shopId, orderId)).filter((h) => h.changeId === changeId).map((h) => h.id);
  if (groups.length === 0) return [];
  const all = await loadGroups(tx, shopId, orderId);
  return all
    .filter((g) => groups.includes(g.id))
    .flatMap((g) => g.items.filter((u) => u.quantity > 0).map((u) => ({ shipmentGroupId: g.id, itemId: u.itemId, quantity: u.quantity })));
}
