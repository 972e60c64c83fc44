import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAllocation } from './fulfillment-addresses';
import { applyMoves, isShippedStatus, placeKey, sameRef, unitsPerItem, type GroupRef, type GroupState, type MovePlan } from './fulfillment-moves';
import { checkPlainMove, planStatusChanges, type ShipmentInput, type StatusChange } from './fulfillment-plan';
import { TRANSITIONS, UNIT_STATUSES, type UnitStatus } from './status';

const now = new Date('2026-11-26T01:00:00Z');
const GROUP_STATUSES: readonly UnitStatus[] = ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship', 'shipping', 'delivered', 'purchase_confirmed'];
const ITEMS = [1, 2, 3];
const ADDRESSES = [10, 11, 12];

/** A starting order: every item's units spread over groups at random places, one group per place. */
const orderArb = fc
  .array(
    fc.record({
      addressId: fc.constantFrom(...ADDRESSES),
      status: fc.constantFrom(...GROUP_STATUSES),
      tracking: fc.constantFrom('T1', 'T2'),
      items: fc.array(fc.record({ itemId: fc.constantFrom(...ITEMS), quantity: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((raw) => {
    const groups: GroupState[] = [];
    for (const [i, g] of raw.entries()) {
      const shipped = isShippedStatus(g.status);
      const place = {
        addressId: g.addressId,
        status: g.status,
        courier: shipped ? 'CJ' : null,
        trackingNumber: shipped ? g.tracking : null,
        shippedAt: shipped ? now : null,
        deliveredAt: g.status === 'delivered' || g.status === 'purchase_confirmed' ? now : null,
      };
      if (groups.some((x) => placeKey(x) === placeKey(place))) continue;
      const items = new Map<number, number>();
      for (const u of g.items) items.set(u.itemId, (items.get(u.itemId) ?? 0) + u.quantity);
      groups.push({ id: i + 1, ...place, items: [...items].map(([itemId, quantity]) => ({ itemId, quantity })) });
    }
    return groups;
  });

type Op = { kind: 'status'; changes: StatusChange[]; shipment: ShipmentInput | undefined } | { kind: 'allocate'; addressId: number; moves: Array<{ fromShipmentGroupId: number; itemId: number; quantity: number }> };

/**
 * Requests are drawn as choices read against the order as it stands when they run, so most of them
 * name real groups, items and table moves (and are valid), while `wild` ones try anything.
 */
const pickArb = fc.record({ g: fc.nat(), i: fc.nat(), q: fc.nat(), t: fc.nat(), wild: fc.nat(7).map((n) => n === 0) });
const rawOpArb = fc.record({
  allocate: fc.boolean(),
  address: fc.constantFrom(...ADDRESSES),
  picks: fc.array(pickArb, { minLength: 1, maxLength: 3 }),
  tracking: fc.constantFrom('T1', 'T3'),
  wildShipment: fc.nat(7).map((n) => n === 0),
});
type RawOp = typeof rawOpArb extends fc.Arbitrary<infer T> ? T : never;

function interpret(raw: RawOp, groups: readonly GroupState[]): Op {
  const movable = raw.allocate ? groups.filter((g) => !isShippedStatus(g.status) && g.addressId !== raw.address) : groups;
  const picked = raw.picks.map((p) => {
    const from = p.wild || movable.length === 0 ? groups : movable;
    const group = p.wild && p.g % 4 === 0 ? undefined : from[p.g % from.length];
    const units = group?.items[p.i % Math.max(1, group.items.length)];
    const available = units?.quantity ?? 1;
    return {
      shipmentGroupId: group?.id ?? 999,
      itemId: units?.itemId ?? 9,
      quantity: p.wild ? p.q % (available + 2) : 1 + (p.q % available),
      status: group?.status,
      pick: p,
    };
  });
  if (raw.allocate) return { kind: 'allocate', addressId: raw.address, moves: picked.map(({ shipmentGroupId, itemId, quantity }) => ({ fromShipmentGroupId: shipmentGroupId, itemId, quantity })) };
  const changes = picked.map(({ shipmentGroupId, itemId, quantity, status, pick }) => {
    const next = TRANSITIONS.filter((t) => t.from === status && checkPlainMove(t.from, t.to).ok).map((t) => t.to);
    const to = pick.wild || next.length === 0 ? UNIT_STATUSES[pick.t % UNIT_STATUSES.length] : next[pick.t % next.length];
    return { shipmentGroupId, itemId, quantity, to: to ?? 'paid' };
  });
  const ships = changes.some((c, i) => c.to === 'shipping' && picked[i]?.status === 'ready_to_ship');
  return { kind: 'status', changes, shipment: ships !== raw.wildShipment ? { courier: 'CJ', trackingNumber: raw.tracking } : undefined };
}

/** Units per (place without times, item): what "only the requested units move" is measured in. */
function unitsByPlace(groups: ReadonlyArray<Omit<GroupState, 'id'>>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const g of groups) for (const u of g.items) totals.set(`${placeKey(g)}#${u.itemId}`, (totals.get(`${placeKey(g)}#${u.itemId}`) ?? 0) + u.quantity);
  for (const [k, v] of totals) if (v === 0) totals.delete(k);
  return totals;
}

/** Gives the plan's new groups ids, as the database would. */
function commit(plan: MovePlan, nextId: () => number): GroupState[] {
  const ids = new Map<number, number>();
  const idOf = (ref: GroupRef) => (ref.kind === 'existing' ? ref.id : (ids.get(ref.index) ?? ids.set(ref.index, nextId()).get(ref.index) ?? 0));
  return plan.groups.map(({ ref, ...rest }) => ({ ...rest, id: idOf(ref) }));
}

describe('properties of planned moves', () => {
  it('keep the quantity ledger after any sequence of valid and invalid requests; a refusal changes nothing; only requested units move', () => {
    fc.assert(
      fc.property(orderArb, fc.array(rawOpArb, { minLength: 1, maxLength: 10 }), fc.subarray([1, 2, 3]), (start, raws, kept) => {
        const keep = new Set(kept);
        let counter = 100;
        const nextId = () => ++counter;
        const totals = unitsPerItem(start);
        let groups = start;
        for (const raw of raws) {
          const op = interpret(raw, groups);
          const snapshot = structuredClone(groups);
          const result = op.kind === 'status' ? planStatusChanges(groups, op.changes, op.shipment, now, keep) : planAllocation(groups, op.addressId, op.moves, keep);
          expect(groups).toEqual(snapshot);
          if (!result.ok) continue;
          const { plan } = result;

          // only the requested units moved: per place and item, before − what left + what arrived
          const expected = unitsByPlace(groups);
          const byId = new Map(groups.map((g) => [g.id, g]));
          for (const m of plan.moved) {
            const from = byId.get(m.fromGroupId);
            if (!from) throw new Error('moved from an unknown group');
            const to = plan.groups.find((g) => sameRef(g.ref, m.toGroup));
            if (!to) throw new Error('moved to a group the plan does not have');
            const fromKey = `${placeKey(from)}#${m.itemId}`;
            const toKey = `${placeKey(to)}#${m.itemId}`;
            expected.set(fromKey, (expected.get(fromKey) ?? 0) - m.quantity);
            expected.set(toKey, (expected.get(toKey) ?? 0) + m.quantity);
          }
          for (const [k, v] of expected) if (v === 0) expected.delete(k);
          expect(unitsByPlace(plan.groups)).toEqual(expected);
          const requested = op.kind === 'status' ? op.changes.reduce((s, c) => s + c.quantity, 0) : op.moves.reduce((s, c) => s + c.quantity, 0);
          expect(plan.moved.reduce((s, m) => s + m.quantity, 0)).toBe(requested);

          // groups the request does not name are untouched
          const named = new Set(op.kind === 'status' ? op.changes.map((c) => c.shipmentGroupId) : op.moves.map((m) => m.fromShipmentGroupId));
          const targets = new Set(plan.moved.flatMap((m) => (m.toGroup.kind === 'existing' ? [m.toGroup.id] : [])));
          for (const g of groups) {
            if (named.has(g.id) || targets.has(g.id)) continue;
            const { id, ...unchanged } = g;
            expect(plan.groups.find((p) => sameRef(p.ref, { kind: 'existing', id }))).toEqual({ ...unchanged, ref: { kind: 'existing', id } });
          }
          // emptied groups are removed unless kept; kept ones never disappear
          for (const id of plan.removedGroupIds) expect(keep.has(id)).toBe(false);
          for (const id of keep) if (byId.has(id)) expect(plan.removedGroupIds).not.toContain(id);

          groups = commit(plan, nextId);
          expect(unitsPerItem(groups)).toEqual(totals);
          for (const g of groups) for (const u of g.items) expect(u.quantity).toBeGreaterThan(0);
          for (const g of groups) if (isShippedStatus(g.status)) expect(g.trackingNumber).not.toBeNull();
          for (const g of groups) if (!isShippedStatus(g.status)) expect([g.courier, g.trackingNumber, g.shippedAt, g.deliveredAt]).toEqual([null, null, null, null]);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('applyMoves', () => {
  it('throws on a move to the place it comes from (a bug in the caller)', () => {
    const g: GroupState = { id: 1, addressId: 10, status: 'paid', courier: null, trackingNumber: null, shippedAt: null, deliveredAt: null, items: [{ itemId: 1, quantity: 2 }] };
    expect(() => applyMoves([g], [{ fromGroupId: 1, itemId: 1, quantity: 1, to: { ...g } }])).toThrow();
    expect(() => applyMoves([g], [{ fromGroupId: 1, itemId: 1, quantity: 1, to: { ...g, status: 'cancelled' } }])).toThrow();
  });

  it('lets the oldest of several whole groups keep its id when they meet at one place', () => {
    const at = (id: number, status: UnitStatus): GroupState => ({ id, addressId: 10, status, courier: null, trackingNumber: null, shippedAt: null, deliveredAt: null, items: [{ itemId: 1, quantity: 1 }] });
    const to = { addressId: 10, status: 'ready_to_ship' as const, courier: null, trackingNumber: null, shippedAt: null, deliveredAt: null };
    const r = applyMoves([at(3, 'preparing'), at(2, 'paid')], [{ fromGroupId: 3, itemId: 1, quantity: 1, to }, { fromGroupId: 2, itemId: 1, quantity: 1, to }]);
    expect(r).toMatchObject({ ok: true, plan: { removedGroupIds: [3], groups: [{ ref: { kind: 'existing', id: 2 }, status: 'ready_to_ship', items: [{ itemId: 1, quantity: 2 }] }] } });
  });
});
