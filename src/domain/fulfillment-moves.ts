/**
 * Moving units between shipment groups. A shipment group is one parcel-to-be: one address, one
 * status and, once shipped, one courier and tracking number. A move names units of one item in one
 * group and the place they go to (address, status, parcel); units that end up at the same place
 * share a group. Acting on 2 of 5 units moves those 2 and leaves the other 3 where they are.
 * Pure: groups it creates are numbered, and the caller gives them ids when it writes them.
 */
import { isClaimStatus, type UnitStatus } from './status';

/** Statuses in which the units have left the warehouse: the group is a parcel with a tracking number. */
export const SHIPPED_STATUSES = ['shipping', 'delivered', 'purchase_confirmed'] as const satisfies readonly UnitStatus[];
/** Statuses a shipment group may hold before anything has shipped. */
export const UNSHIPPED_STATUSES = ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship'] as const satisfies readonly UnitStatus[];

export function isShippedStatus(s: UnitStatus): boolean {
  return (SHIPPED_STATUSES as readonly UnitStatus[]).includes(s);
}

/** Where units sit: address, status and the parcel (null before shipping). */
export interface GroupPlace {
  addressId: number;
  status: UnitStatus;
  courier: string | null;
  trackingNumber: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
}

export interface GroupUnits {
  itemId: number;
  quantity: number;
}

export interface GroupState extends GroupPlace {
  id: number;
  items: readonly GroupUnits[];
}

/** An existing group by id, or the n-th group the plan creates. */
export type GroupRef = { kind: 'existing'; id: number } | { kind: 'new'; index: number };

export interface PlannedGroup extends GroupPlace {
  ref: GroupRef;
  items: GroupUnits[];
}

export interface UnitMove {
  fromGroupId: number;
  itemId: number;
  quantity: number;
  to: GroupPlace;
}

export interface MovedUnits {
  fromGroupId: number;
  itemId: number;
  quantity: number;
  from: UnitStatus;
  to: UnitStatus;
  toGroup: GroupRef;
}

export interface MovePlan {
  /** Every group after the moves: existing ones in their order, then the new ones. */
  groups: PlannedGroup[];
  /** Existing groups the moves emptied; the caller deletes them. */
  removedGroupIds: number[];
  /** What moved: one entry per source group, item and destination group. */
  moved: MovedUnits[];
}

export type Details = Record<string, string | number | null>;
export type Failure<C extends string> = { ok: false; code: C; details: Details };
export type MoveCode = 'SHIPMENT_GROUP_NOT_FOUND' | 'ITEM_NOT_IN_SHIPMENT_GROUP' | 'QUANTITY_EXCEEDS_AVAILABLE' | 'INVALID_QUANTITY';
export type MoveResult = { ok: true; plan: MovePlan } | Failure<MoveCode>;

export function sameRef(a: GroupRef, b: GroupRef): boolean {
  if (a.kind === 'existing') return b.kind === 'existing' && a.id === b.id;
  return b.kind === 'new' && a.index === b.index;
}

export const fail = <C extends string>(code: C, details: Details = {}): Failure<C> => ({ ok: false, code, details });

/**
 * What makes two groups one: the same address and status, and for shipped units the same parcel
 * (courier and tracking number). Times are not part of it: a parcel has one set of times.
 */
export function placeKey(p: GroupPlace): string {
  return JSON.stringify(isShippedStatus(p.status) ? [p.addressId, p.status, p.courier, p.trackingNumber] : [p.addressId, p.status]);
}

const placeOf = (g: GroupPlace): GroupPlace => ({
  addressId: g.addressId,
  status: g.status,
  courier: g.courier,
  trackingNumber: g.trackingNumber,
  shippedAt: g.shippedAt,
  deliveredAt: g.deliveredAt,
});

function addUnits(list: GroupUnits[], itemId: number, quantity: number): void {
  const found = list.find((u) => u.itemId === itemId);
  if (found) found.quantity += quantity;
  else list.push({ itemId, quantity });
}

/**
 * Applies moves that are all measured against `groups` as they are (not one after another).
 * Where moved units go, by their place:
 *  1. into the group already at that place that the moves leave standing (the oldest, if several);
 *  2. else into their own group when every unit of a group moved to that one place (a whole group
 *     changing status keeps its id), the oldest such group taking in the others;
 *  3. else into a new group.
 * Groups the moves empty are removed, except those in `keep` (a claim will put units back there),
 * which stay where they are, empty. Groups the moves do not touch never change.
 * Expected failures are codes; a move to the place it comes from is a bug and throws.
 */
export function applyMoves(groups: readonly GroupState[], moves: readonly UnitMove[], keep: ReadonlySet<number> = new Set()): MoveResult {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const requested = new Map<string, { groupId: number; itemId: number; quantity: number }>();
  for (const m of moves) {
    if (!Number.isSafeInteger(m.quantity) || m.quantity <= 0) return fail('INVALID_QUANTITY', { shipmentGroupId: m.fromGroupId, itemId: m.itemId, quantity: m.quantity });
    const group = byId.get(m.fromGroupId);
    if (!group) return fail('SHIPMENT_GROUP_NOT_FOUND', { shipmentGroupId: m.fromGroupId });
    if (!group.items.some((u) => u.itemId === m.itemId && u.quantity > 0)) {
      return fail('ITEM_NOT_IN_SHIPMENT_GROUP', { shipmentGroupId: m.fromGroupId, itemId: m.itemId });
    }
    if (isClaimStatus(m.to.status)) throw new Error(`a shipment group cannot hold ${m.to.status}`);
    if (placeKey(m.to) === placeKey(group)) throw new Error(`move of item ${m.itemId} from group ${group.id} to the place it is at`);
    const key = `${m.fromGroupId}:${m.itemId}`;
    const sum = requested.get(key) ?? { groupId: m.fromGroupId, itemId: m.itemId, quantity: 0 };
    requested.set(key, { ...sum, quantity: sum.quantity + m.quantity });
  }
  for (const r of requested.values()) {
    const available = byId.get(r.groupId)?.items.find((u) => u.itemId === r.itemId)?.quantity ?? 0;
    if (r.quantity > available) return fail('QUANTITY_EXCEEDS_AVAILABLE', { shipmentGroupId: r.groupId, itemId: r.itemId, available, requested: r.quantity });
  }

  // what stays in each group
  const remaining = new Map(groups.map((g) => [g.id, g.items.map((u) => ({ ...u }))]));
  for (const m of moves) {
    const units = remaining.get(m.fromGroupId)?.find((u) => u.itemId === m.itemId);
    if (units) units.quantity -= m.quantity;
  }
  for (const [id, units] of remaining) remaining.set(id, units.filter((u) => u.quantity > 0));
  const sources = new Set(moves.map((m) => m.fromGroupId));
  const emptied = new Set([...sources].filter((id) => remaining.get(id)?.length === 0 && !keep.has(id)));

  // where units arrive, by place, in the order the moves name them
  const arrivals = new Map<string, { place: GroupPlace; units: Array<{ fromGroupId: number; itemId: number; quantity: number }> }>();
  const keysFrom = new Map<number, Set<string>>();
  for (const m of moves) {
    const key = placeKey(m.to);
    const entry = arrivals.get(key) ?? { place: placeOf(m.to), units: [] };
    const same = entry.units.find((u) => u.fromGroupId === m.fromGroupId && u.itemId === m.itemId);
    if (same) same.quantity += m.quantity;
    else entry.units.push({ fromGroupId: m.fromGroupId, itemId: m.itemId, quantity: m.quantity });
    arrivals.set(key, entry);
    keysFrom.set(m.fromGroupId, (keysFrom.get(m.fromGroupId) ?? new Set()).add(key));
  }

  const oldest = (list: readonly GroupState[]) => list.reduce<GroupState | undefined>((best, g) => (!best || g.id < best.id ? g : best), undefined);
  const refOf = new Map<string, GroupRef>();
  const reused = new Map<number, GroupPlace>();
  let created = 0;
  for (const [key, { place }] of arrivals) {
    const standing = oldest(groups.filter((g) => !emptied.has(g.id) && placeKey(g) === key));
    const whole = oldest(groups.filter((g) => emptied.has(g.id) && keysFrom.get(g.id)?.size === 1 && keysFrom.get(g.id)?.has(key)));
    if (standing) refOf.set(key, { kind: 'existing', id: standing.id });
    else if (whole) {
      refOf.set(key, { kind: 'existing', id: whole.id });
      reused.set(whole.id, place);
    } else refOf.set(key, { kind: 'new', index: created++ });
  }

  const planned: PlannedGroup[] = [];
  const removedGroupIds: number[] = [];
  for (const g of groups) {
    const place = reused.get(g.id);
    if (emptied.has(g.id) && !place) removedGroupIds.push(g.id);
    else planned.push({ ref: { kind: 'existing', id: g.id }, ...placeOf(place ?? g), items: place ? [] : (remaining.get(g.id) ?? []) });
  }
  const fresh: PlannedGroup[] = [];
  const moved: MovedUnits[] = [];
  for (const [key, { place, units }] of arrivals) {
    const ref = refOf.get(key);
    if (!ref) throw new Error('every arrival place has a group');
    let target = ref.kind === 'existing' ? planned.find((p) => p.ref.kind === 'existing' && p.ref.id === ref.id) : fresh[ref.index];
    if (!target) {
      target = { ref, ...placeOf(place), items: [] };
      fresh.push(target);
    }
    for (const u of units) {
      addUnits(target.items, u.itemId, u.quantity);
      const from = byId.get(u.fromGroupId)?.status;
      if (!from) throw new Error(`group ${u.fromGroupId} vanished`);
      moved.push({ fromGroupId: u.fromGroupId, itemId: u.itemId, quantity: u.quantity, from, to: place.status, toGroup: ref });
    }
  }
  return { ok: true, plan: { groups: [...planned, ...fresh], removedGroupIds, moved } };
}

/** Units per item over all groups: what the quantity ledger counts on the shipment side. */
export function unitsPerItem(groups: ReadonlyArray<{ items: readonly GroupUnits[] }>): Map<number, number> {
  const totals = new Map<number, number>();
  for (const g of groups) for (const u of g.items) totals.set(u.itemId, (totals.get(u.itemId) ?? 0) + u.quantity);
  return totals;
}
