/**
 * Planning a quantity-level status change (forward or revert) of units in shipment groups, checked
 * against the one status table. Only moves with no money effect are plain status changes: claims
 * have their own route, and moves that refund or charge go through the money flows that do.
 */
import {
  applyMoves,
  fail,
  isShippedStatus,
  type Failure,
  type GroupPlace,
  type GroupRef,
  type GroupState,
  type MoveCode,
  type MovedUnits,
  type MovePlan,
  type UnitMove,
  sameRef,
} from './fulfillment-moves';
import { findTransition, isClaimStatus, type Transition, type TransitionKind, type UnitStatus } from './status';

export interface StatusChange {
  shipmentGroupId: number;
  itemId: number;
  quantity: number;
  to: UnitStatus;
}

export interface ShipmentInput {
  courier: string;
  trackingNumber: string;
}

export type StatusChangeCode =
  | MoveCode
  | 'USE_CLAIM_ROUTE'
  | 'TRANSITION_NOT_ALLOWED'
  | 'REVERT_NEEDS_MONEY'
  | 'USE_DEPOSIT_CONFIRMATION'
  | 'TRACKING_REQUIRED'
  | 'TRACKING_WITHOUT_SHIPPING'
  | 'SHIPMENT_SPANS_ADDRESSES';

export interface StatusChangePlan extends MovePlan {
  moved: Array<MovedUnits & { kind: TransitionKind }>;
  /** Groups that received newly shipped units, with the parcel they now are. */
  trackingAssigned: Array<{ group: GroupRef; courier: string; trackingNumber: string }>;
  /** Parcels taken back (배송중 → 배송대기): the number they had, for the history. */
  trackingRemoved: Array<{ shipmentGroupId: number; courier: string; trackingNumber: string }>;
}

export type StatusChangeResult = { ok: true; plan: StatusChangePlan } | Failure<StatusChangeCode>;

/** Why a move is not a plain status change, or the transition when it is. */
export function checkPlainMove(from: UnitStatus, to: UnitStatus): { ok: true; transition: Transition } | Failure<'USE_CLAIM_ROUTE' | 'TRANSITION_NOT_ALLOWED' | 'REVERT_NEEDS_MONEY' | 'USE_DEPOSIT_CONFIRMATION'> {
  if (isClaimStatus(to) || isClaimStatus(from)) return fail('USE_CLAIM_ROUTE', { from, to });
  const transition = findTransition(from, to);
  if (!transition) return fail('TRANSITION_NOT_ALLOWED', { from, to });
  // Moving money back or forth silently would lose it: such moves belong to refund/charge flows.
  if (transition.moneyEffect !== 'none') return fail('REVERT_NEEDS_MONEY', { from, to, moneyEffect: transition.moneyEffect });
  // A deposit is confirmed with the payment it captures, never as a bare status change.
  if (transition.action === 'confirm_deposit') return fail('USE_DEPOSIT_CONFIRMATION', { from, to });
  return { ok: true, transition };
}

/** Where units of `group` go on `transition`: the parcel is set on shipping and cleared on its revert. */
function destinationOf(group: GroupState, transition: Transition, shipment: ShipmentInput | undefined, now: Date): GroupPlace {
  const base = { addressId: group.addressId, status: transition.to };
  if (!isShippedStatus(transition.to)) return { ...base, courier: null, trackingNumber: null, shippedAt: null, deliveredAt: null };
  if (transition.action === 'ship') {
    if (!shipment) throw new Error('ship needs a shipment');
    return { ...base, courier: shipment.courier, trackingNumber: shipment.trackingNumber, shippedAt: now, deliveredAt: null };
  }
  const parcel = { courier: group.courier, trackingNumber: group.trackingNumber, shippedAt: group.shippedAt };
  if (transition.action === 'mark_delivered') return { ...base, ...parcel, deliveredAt: now };
  if (transition.to === 'shipping') return { ...base, ...parcel, deliveredAt: null };
  return { ...base, ...parcel, deliveredAt: group.deliveredAt ?? now };
}

/**
 * Checks every change against the status table and the quantities the groups hold, then plans the
 * moves all together: either every change applies or none does. Shipping needs a courier and a
 * tracking number, and one request ships one parcel, so to one address.
 */
export function planStatusChanges(
  groups: readonly GroupState[],
  changes: readonly StatusChange[],
  shipment: ShipmentInput | undefined,
  now: Date,
  keep: ReadonlySet<number> = new Set(),
): StatusChangeResult {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const checked: Array<{ change: StatusChange; group: GroupState; transition: Transition }> = [];
  for (const change of changes) {
    const group = byId.get(change.shipmentGroupId);
    if (!group) return fail('SHIPMENT_GROUP_NOT_FOUND', { shipmentGroupId: change.shipmentGroupId });
    const move = checkPlainMove(group.status, change.to);
    if (!move.ok) return { ...move, details: { ...move.details, shipmentGroupId: group.id, itemId: change.itemId } };
    checked.push({ change, group, transition: move.transition });
  }
  const shipping = checked.filter((c) => c.transition.action === 'ship');
  if (shipping.length > 0 && !shipment) return fail('TRACKING_REQUIRED');
  if (shipping.length === 0 && shipment) return fail('TRACKING_WITHOUT_SHIPPING');
  const addresses = new Set(shipping.map((c) => c.group.addressId));
  if (addresses.size > 1) return fail('SHIPMENT_SPANS_ADDRESSES', { addresses: addresses.size });

  const moves: UnitMove[] = checked.map(({ change, group, transition }) => ({
    fromGroupId: group.id,
    itemId: change.itemId,
    quantity: change.quantity,
    to: destinationOf(group, transition, shipment, now),
  }));
  const applied = applyMoves(groups, moves, keep);
  if (!applied.ok) return applied;

  const { plan } = applied;
  const moved = plan.moved.map((m) => {
    const transition = findTransition(m.from, m.to);
    if (!transition) throw new Error(`planned a move ${m.from} → ${m.to} outside the table`);
    return { ...m, kind: transition.kind };
  });
  const trackingAssigned: StatusChangePlan['trackingAssigned'] = [];
  if (shipment) {
    for (const m of moved.filter((x) => x.from === 'ready_to_ship' && x.to === 'shipping')) {
      if (!trackingAssigned.some((t) => sameRef(t.group, m.toGroup))) trackingAssigned.push({ group: m.toGroup, ...shipment });
    }
  }
  const trackingRemoved: StatusChangePlan['trackingRemoved'] = [];
  for (const { group, transition } of checked) {
    if (transition.action !== 'revert_shipment' || trackingRemoved.some((t) => t.shipmentGroupId === group.id)) continue;
    trackingRemoved.push({ shipmentGroupId: group.id, courier: group.courier ?? '', trackingNumber: group.trackingNumber ?? '' });
  }
  return { ok: true, plan: { ...plan, moved, trackingAssigned, trackingRemoved } };
}

/**
 * Every unit in `from` moves to `to` where it stands (same address, no parcel): a confirmed deposit
 * (입금대기 → 결제완료) or its revert. Nothing in `from`: null, for the caller to refuse.
 */
export function planWholeStatusMove(groups: readonly GroupState[], from: UnitStatus, to: UnitStatus, keep: ReadonlySet<number> = new Set()): MovePlan | null {
  if (isShippedStatus(from) || isShippedStatus(to)) throw new Error('whole moves are for unshipped units');
  const moves: UnitMove[] = groups
    .filter((g) => g.status === from)
    .flatMap((g) =>
      g.items
        .filter((u) => u.quantity > 0)
        .map((u) => ({ fromGroupId: g.id, itemId: u.itemId, quantity: u.quantity, to: { addressId: g.addressId, status: to, courier: null, trackingNumber: null, shippedAt: null, deliveredAt: null } })),
    );
  if (moves.length === 0) return null;
  const applied = applyMoves(groups, moves, keep);
  if (!applied.ok) throw new Error(`moving whole groups failed: ${applied.code}`);
  return applied.plan;
}
